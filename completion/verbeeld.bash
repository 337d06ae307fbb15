# bash completion for verbeeld(1)                                   -*- shell-script -*-
#
# Installed as $(datadir)/bash-completion/completions/verbeeld; to try it from the source tree:
#   source completion/verbeeld.bash
# Completes the commands, the options of each, their values (languages, formats), the scenarios
# that `verbeeld list` finds (the lines of its output indented by exactly two spaces), and file
# names where a file is asked (cast files and scenarios *.xml, journals *.jsonl).

_verbeeld_commands="play replay return debrief send check graph explore sheets quadrant list help"

# Files ending in .$1 (and folders, to walk into), or any file without $1.
_verbeeld_files()
{
    if declare -F _filedir >/dev/null 2>&1; then
        _filedir "$@"
        return
    fi
    local IFS=$'\n'
    compopt -o filenames 2>/dev/null
    if [[ -n $1 ]]; then
        COMPREPLY+=($(compgen -d -- "$cur") $(compgen -f -X "!*.$1" -- "$cur"))
    else
        COMPREPLY+=($(compgen -f -- "$cur"))
    fi
}

# The names of the scenarios the program can find, and *.xml files.
_verbeeld_scenarios()
{
    local prog=$1 names
    names=$("$prog" list 2>/dev/null | awk '/^  [^ ]/ { print $1 }' | sort -u)
    COMPREPLY+=($(compgen -W "$names" -- "$cur"))
    _verbeeld_files xml
}

_verbeeld()
{
    local cur prev words cword
    if declare -F _init_completion >/dev/null 2>&1; then
        _init_completion || return
    else
        COMPREPLY=()
        words=("${COMP_WORDS[@]}")
        cword=$COMP_CWORD
        cur=${COMP_WORDS[COMP_CWORD]}
        prev=${COMP_WORDS[COMP_CWORD - 1]}
    fi
    local prog=${words[0]}

    if ((cword == 1)); then
        COMPREPLY=($(compgen -W "$_verbeeld_commands --help --version" -- "$cur"))
        return
    fi

    local cmd=${words[1]} opts=""
    case $cmd in
        play)     opts="--cast --lang --seed --journal --resume --corners --rate --lrs --auth-file --help" ;;
        send)     opts="--lrs --auth-file --help" ;;
        replay)   opts="--from --journal --lang --help" ;;
        return)   opts="--cast --journal --help" ;;
        debrief)  opts="--format -o --output --lang --help" ;;
        check)    opts="--werror --help" ;;
        graph)    opts="--format -o --output --lang --help" ;;
        explore)  opts="--random --exhaustive --seed --max-states --roles --jobs --help" ;;
        sheets)   opts="--cast -o --output --lang --help" ;;
        quadrant) opts="--help" ;;
        list)     opts="--help" ;;
        help)
            ((cword == 2)) && COMPREPLY=($(compgen -W "$_verbeeld_commands" -- "$cur"))
            return ;;
        *) return ;;
    esac

    # The value of an option.
    case $cmd:$prev in
        *:--lang)                 COMPREPLY=($(compgen -W "nl en" -- "$cur")); return ;;
        debrief:--format)         COMPREPLY=($(compgen -W "md html json xapi" -- "$cur")); return ;;
        graph:--format)           COMPREPLY=($(compgen -W "dot svg" -- "$cur")); return ;;
        *:--cast)                 _verbeeld_files xml; return ;;
        play:--resume)            _verbeeld_files jsonl; return ;;
        play:--journal|replay:--journal|return:--journal|*:--auth-file) _verbeeld_files; return ;;
        *:--lrs)                  return ;;
        debrief:-o|debrief:--output|graph:-o|graph:--output) _verbeeld_files; return ;;
        sheets:-o|sheets:--output) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -d -- "$cur")); return ;;
        *:--seed|*:--random|*:--max-states|*:--jobs|*:--roles|replay:--from) return ;;
    esac

    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
        return
    fi

    # The operands: how many come before this word (options and their values left out)?
    local i n=0
    for ((i = 2; i < cword; i++)); do
        case ${words[i]} in
            --cast|--lang|--seed|--journal|--resume|--from|--format|-o|--output|--random|--max-states|--jobs|--roles|--lrs|--auth-file) ((i++)) ;;
            -*) ;;
            *) ((n++)) ;;
        esac
    done
    case $cmd in
        play)
            [[ " ${words[*]} " == *" --resume "* ]] && return
            ((n == 0)) && _verbeeld_scenarios "$prog" ;;
        check)                 _verbeeld_scenarios "$prog" ;;
        graph|explore|sheets)  ((n == 0)) && _verbeeld_scenarios "$prog" ;;
        replay|return|debrief) ((n == 0)) && _verbeeld_files jsonl ;;
        send)                  _verbeeld_files jsonl ;;
    esac
    return 0
}

complete -F _verbeeld verbeeld
