/*
 * prompts.c - the library of reflection prompts (debrief/prompts.json): loading it, and
 * choosing questions for what happened to a participant, one per theme.
 */
#include "debrief/prompts.h"

#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/util.h"
#include "journal/journal.h"

struct PromptLibrary {
    json_object *root;
};

PromptLibrary *prompts_load(const char *path)
{
    json_object *root = json_object_from_file(path);
    if (!root || !json_object_is_type(root, json_type_object)) {
        /* A debrief without the library still has the story and the corners: warn, go on. */
        fprintf(stderr, _("verbeeld: the reflection prompts in %s cannot be read; the debrief leaves them out\n"), path);
        json_object_put(root);
        return NULL;
    }
    PromptLibrary *lib = xcalloc(1, sizeof *lib);
    lib->root = root;
    return lib;
}

void prompts_free(PromptLibrary *lib)
{
    if (!lib) return;
    json_object_put(lib->root);
    free(lib);
}

/* The text of a {"nl": ..., "en": ...} object in lang, falling back to Dutch. */
static const char *lang_text(json_object *o, const char *lang)
{
    const char *s = jstr(o, lang);
    return s ? s : jstr(o, "nl");
}

static unsigned when_flag(const char *when)
{
    static const struct { const char *name; unsigned flag; } map[] = {
        {"core", HAPPENED_CORE}, {"no-core", HAPPENED_NO_CORE}, {"fallback", HAPPENED_FALLBACK},
        {"allergy", HAPPENED_ALLERGY}, {"pitfall", HAPPENED_PITFALL}, {"timeout", HAPPENED_TIMEOUT},
        {"no-timeout", HAPPENED_NO_TIMEOUT}, {"reacted", HAPPENED_REACTED}, {"note", HAPPENED_NOTE},
        {"always", HAPPENED_ALWAYS},
    };
    for (size_t i = 0; i < sizeof map / sizeof *map; i++)
        if (streq(when, map[i].name)) return map[i].flag;
    return 0;
}

/* A prompt about the pitfall of hard or soft power is true only for a participant whose
 * challenge is of that power; one that names none fits everyone. */
static int challenge_fits(const char *challenge, unsigned happened)
{
    if (!challenge) return 1;
    if (streq(challenge, "hard")) return (happened & HAPPENED_CHALLENGE_HARD) != 0;
    if (streq(challenge, "soft")) return (happened & HAPPENED_CHALLENGE_SOFT) != 0;
    return 0;
}

int prompts_choose(const PromptLibrary *lib, unsigned happened, const char *lang, PromptQuestion *out, int max)
{
    if (!lib) return 0;
    json_object *list = json_object_object_get(lib->root, "prompts");
    int n = 0;
    size_t len = json_object_is_type(list, json_type_array) ? json_object_array_length(list) : 0;
    happened |= HAPPENED_ALWAYS;
    /* Two passes: prompts about what specifically happened first, the general ones after,
     * so that a short list speaks to this participant before it speaks to everyone. */
    for (int pass = 0; pass < 2 && n < max; pass++) {
        for (size_t i = 0; i < len && n < max; i++) {
            json_object *p = json_object_array_get_idx(list, i);
            const char *theme = jstr(p, "theme"), *when = jstr(p, "when");
            unsigned flag = when ? when_flag(when) : 0;
            if (!theme || !(flag & happened) || !challenge_fits(jstr(p, "challenge"), happened)) continue;
            if ((pass == 0) != (flag != HAPPENED_ALWAYS)) continue;
            int taken = 0;
            for (int k = 0; k < n; k++)
                if (streq(out[k].theme, theme)) taken = 1;
            if (taken) continue;
            out[n].theme = theme;
            out[n].text = lang_text(p, lang);
            out[n].source = jstr(p, "source");
            if (out[n].text) n++;
        }
    }
    return n;
}

const char *prompts_anchor(const PromptLibrary *lib, const char *lang)
{
    return lib ? lang_text(json_object_object_get(lib->root, "anchor"), lang) : NULL;
}

const char *prompts_cue(const PromptLibrary *lib, const char *kind, const char *lang)
{
    if (!lib) return NULL;
    return lang_text(json_object_object_get(json_object_object_get(lib->root, "cues"), kind), lang);
}

const char *prompts_theme_label(const PromptLibrary *lib, const char *theme, const char *lang)
{
    const char *s = lib ? lang_text(json_object_object_get(json_object_object_get(lib->root, "themes"), theme), lang) : NULL;
    return s ? s : theme;
}
