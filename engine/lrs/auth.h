/*
 * auth.h - the credentials for a learning record store: never from the command line, but from
 * VERBEELD_LRS_AUTH ("key:secret") or from a file only its owner can read.
 */
#ifndef VB_AUTH_H
#define VB_AUTH_H

/* The default file: $XDG_CONFIG_HOME/verbeeld/lrs-auth (~/.config/verbeeld/lrs-auth). Fresh. */
char *auth_default_file(void);
/* The credentials "key:secret" into *out (fresh), from VERBEELD_LRS_AUTH, else from `file`
 * (NULL: the default file, which may be absent; *out is then NULL: none configured). A file
 * that others can read, that is not a regular file of the user's, or whose first line is not
 * key:secret is refused: -1 with *err (fresh, translated). Returns 0 otherwise. */
int auth_load(const char *file, char **out, char **err);

#endif
