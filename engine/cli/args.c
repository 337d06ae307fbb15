/*
 * args.c - the arguments the document-writing commands share (debrief, graph): one file,
 * --format, -o/--output and --lang, parsed once for all of them.
 */
#include "cli/args.h"

#include <getopt.h>
#include <stddef.h>
#include <sys/stat.h>

#include "base/i18n.h"
#include "base/util.h"
#include "cli/usage.h"

int args_parse_output(int argc, char **argv, const char *cmd, const char *what, OutputArgs *a)
{
    static const struct option opts[] = {
        {"format", required_argument, NULL, 'f'}, {"output", required_argument, NULL, 'o'},
        {"lang", required_argument, NULL, 'l'},   {"help", no_argument, NULL, 'h'},
        {"participant", required_argument, NULL, 'p'}, {NULL, 0, NULL, 0},
    };
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "f:o:l:h", opts, NULL)) != -1) {
        switch (c) {
        case 'f': a->format = optarg; break;
        case 'o': a->out_path = optarg; break;
        case 'l': a->lang = optarg; break;
        case 'p':
            if (!streq(cmd, "debrief")) return usage_error(cmd, _("unknown option '%s'"), "--participant");
            a->participant = optarg;
            break;
        case 'h': usage_help(cmd); return 0;
        default: return usage_bad_option(cmd, argv, opts);
        }
    }
    if (optind != argc - 1) return usage_error(cmd, "%s", what);
    if (a->lang && !i18n_known(a->lang)) return usage_error(cmd, _("--lang takes nl or en, not '%s'"), a->lang);
    a->file = argv[optind];
    return args_check_output(cmd, a->out_path, a->file);
}

int args_check_output(const char *cmd, const char *out, const char *in)
{
    struct stat so, si;
    /* By device and inode, so that ./J, a link to J or J spelled with its folder are caught. */
    if (!out || !in || stat(out, &so) || stat(in, &si)) return -1;
    if (so.st_dev != si.st_dev || so.st_ino != si.st_ino) return -1;
    return usage_error(cmd, _("-o %s is a file this command reads; write the output to another file"), out);
}
