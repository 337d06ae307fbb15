/*
 * explorer_growth.c - what multiplied the states of an exhaustive exploration: every state is
 * flattened into its parts (path = value), and the parts are ranked by how many values they take.
 */
#include "runtime/explorer_growth.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <json-c/json.h>

#include "base/util.h"

typedef struct {
    uint64_t part, value;     /* hashes of the part's path and of its value */
} Leaf;

typedef struct {
    Leaf *leaves;
    int n, cap;
    char **names;             /* an open-addressing table of part paths, by hash */
    uint64_t *keys;
    size_t namecap, nnames;
} Parts;

static void name_part(Parts *p, uint64_t h, const char *path)
{
    for (size_t j = h & (p->namecap - 1);; j = (j + 1) & (p->namecap - 1)) {
        if (p->keys[j] == h) return;
        if (!p->keys[j]) { p->keys[j] = h; p->names[j] = xstrdup(path); p->nnames++; return; }
    }
}

static const char *part_name(const Parts *p, uint64_t h)
{
    for (size_t j = h & (p->namecap - 1);; j = (j + 1) & (p->namecap - 1))
        if (p->keys[j] == h) return p->names[j];
}

/* The parts of the state that cannot tell the story apart by themselves are skipped: which
 * ending (it follows the scene), and the scene itself, whose growth is the story's own. */
static void flatten(Parts *p, const Scenario *s, json_object *o, const char *path)
{
    if (json_object_is_type(o, json_type_object)) {
        json_object_object_foreach(o, key, val) {
            if (!*path && (streq(key, "ending") || streq(key, "scene"))) continue;
            char *sub = *path ? xasprintf("%s.%s", path, key) : xstrdup(key);
            flatten(p, s, val, sub);
            free(sub);
        }
        return;
    }
    if (streq(path, "chars") && json_object_is_type(o, json_type_array)) {   /* one per role, by id */
        for (size_t r = 0; r < json_object_array_length(o) && (int)r < s->nroles; r++) {
            char *sub = xasprintf("chars.%s", s->roles[r].id);
            flatten(p, s, json_object_array_get_idx(o, r), sub);
            free(sub);
        }
        return;
    }
    uint64_t h = str_hash(path);
    h = h ? h : 1;
    if ((p->nnames + 1) * 2 > p->namecap) {
        size_t ncap = p->namecap ? p->namecap * 2 : 256;
        char **names = xcalloc(ncap, sizeof *names);
        uint64_t *keys = xcalloc(ncap, sizeof *keys);
        Parts q = {NULL, 0, 0, names, keys, ncap, 0};
        for (size_t j = 0; j < p->namecap; j++)
            if (p->keys[j]) { name_part(&q, p->keys[j], p->names[j]); free(p->names[j]); }
        free(p->names);
        free(p->keys);
        p->names = names;
        p->keys = keys;
        p->namecap = ncap;
        p->nnames = q.nnames;
    }
    name_part(p, h, path);
    VEC_PUSH(p->leaves, p->n, p->cap);
    p->leaves[p->n++] = (Leaf){h, str_hash(json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN))};
}

static int leaf_cmp(const void *a, const void *b)
{
    const Leaf *x = a, *y = b;
    if (x->part != y->part) return x->part < y->part ? -1 : 1;
    return x->value < y->value ? -1 : x->value > y->value;
}

static int growth_cmp(const void *a, const void *b)
{
    const Growth *x = a, *y = b;
    if (x->values != y->values) return y->values - x->values;
    return strcmp(x->what, y->what);
}

json_object *explorer_growth_snapshot(const char *text)
{
    json_tokener *tok = json_tokener_new_ex(EXPLORER_SNAPSHOT_DEPTH);
    json_object *o = json_tokener_parse_ex(tok, text, -1);
    if (json_tokener_get_error(tok) != json_tokener_success) {
        json_object_put(o);
        o = NULL;
    }
    json_tokener_free(tok);
    return o;
}

int explorer_growth(const Scenario *s, char *const *snaps, int n, Growth *out, int max,
                    int (*keep)(const char *what, const void *ud), const void *ud)
{
    Parts p = {0};
    for (int i = 0; i < n; i++) {
        if (!snaps[i]) continue;
        json_object *o = explorer_growth_snapshot(snaps[i]);
        if (o) flatten(&p, s, o, "");
        json_object_put(o);
    }
    qsort(p.leaves, (size_t)p.n, sizeof *p.leaves, leaf_cmp);
    Growth *all = NULL;
    int nall = 0, capall = 0;
    for (int i = 0; i < p.n;) {
        int j = i, values = 0;
        for (; j < p.n && p.leaves[j].part == p.leaves[i].part; j++) values += j == i || p.leaves[j].value != p.leaves[j - 1].value;
        if (values > 1 && (!keep || keep(part_name(&p, p.leaves[i].part), ud))) {
            VEC_PUSH(all, nall, capall);
            all[nall++] = (Growth){(char *)part_name(&p, p.leaves[i].part), values};
        }
        i = j;
    }
    if (nall) qsort(all, (size_t)nall, sizeof *all, growth_cmp);        /* none: `all` is NULL */
    int k = nall < max ? nall : max;
    for (int i = 0; i < k; i++) out[i] = (Growth){xstrdup(all[i].what), all[i].values};
    for (size_t j = 0; j < p.namecap; j++) free(p.names[j]);
    free(p.names);
    free(p.keys);
    free(p.leaves);
    free(all);
    return k;
}
