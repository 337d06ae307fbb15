/*
 * uuid.h - deterministic UUIDs, so that the same session always gets the same xAPI ids.
 */
#ifndef VB_UUID_H
#define VB_UUID_H

/* A name-based UUID (RFC 4122 version 5, SHA-1) of `name` in the namespace `ns` (a UUID). */
void uuid_v5(const char *ns, const char *name, char out[37]);

#endif
