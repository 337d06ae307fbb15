/*
 * prompts.h - the library of reflection questions, anchoring prompts and cues for stepping
 * into a role (debrief/prompts.json), chosen for what happened to a participant.
 */
#ifndef VB_PROMPTS_H
#define VB_PROMPTS_H

typedef struct PromptLibrary PromptLibrary;

/* A reflection question chosen for a participant. */
typedef struct {
    const char *theme;        /* "resistance", "connection", ... or "scenario" */
    const char *text;         /* in the debrief's language (points into the library or scenario) */
    const char *source;       /* where the prompt comes from (a source text, or the scenario) */
} PromptQuestion;

/* What happened to a participant, as flags the library's "when" refers to. */
enum {
    HAPPENED_CORE = 1 << 0, HAPPENED_NO_CORE = 1 << 1, HAPPENED_FALLBACK = 1 << 2,
    HAPPENED_ALLERGY = 1 << 3, HAPPENED_PITFALL = 1 << 4, HAPPENED_TIMEOUT = 1 << 5,
    HAPPENED_NO_TIMEOUT = 1 << 6, HAPPENED_REACTED = 1 << 7, HAPPENED_NOTE = 1 << 8,
    HAPPENED_ALWAYS = 1 << 9,
    HAPPENED_CHALLENGE_HARD = 1 << 10,  /* their challenge takes room (the lexicon's power) */
    HAPPENED_CHALLENGE_SOFT = 1 << 11,  /* their challenge gives room */
};

/* Load the library from `path`; NULL (and a warning on stderr) when it cannot be read. */
PromptLibrary *prompts_load(const char *path);
void prompts_free(PromptLibrary *lib);
/* Choose at most `max` questions, one per theme, for what happened: a prompt's "when" must have
 * happened, and its "challenge" ("hard" or "soft"), when it has one, must be the participant's.
 * Returns how many. */
int prompts_choose(const PromptLibrary *lib, unsigned happened, const char *lang, PromptQuestion *out, int max);
/* The anchoring prompt, and a cue (kind "body", "emotion" or "reason") for the sheets. */
const char *prompts_anchor(const PromptLibrary *lib, const char *lang);
const char *prompts_cue(const PromptLibrary *lib, const char *kind, const char *lang);
/* The translated name of a theme. */
const char *prompts_theme_label(const PromptLibrary *lib, const char *theme, const char *lang);

#endif
