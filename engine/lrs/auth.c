/*
 * auth.c - the LRS's credentials, from the environment or a file of the user's own: the
 * command line is seen by every user of the machine (ps) and kept in shell histories.
 */
#include "lrs/auth.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/util.h"

char *auth_default_file(void)
{
    const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
    if (xdg && *xdg == '/') return xasprintf("%s/verbeeld/lrs-auth", xdg);
    return xasprintf("%s/.config/verbeeld/lrs-auth", home && *home ? home : ".");
}

static int well_formed(const char *cred)
{
    const char *colon = strchr(cred, ':');
    return colon && colon != cred;
}

/* The first line of the file, which must be the user's own and closed to everyone else. */
static int from_file(const char *path, int fd, char **out, char **err)
{
    struct stat st;
    if (fstat(fd, &st) || !S_ISREG(st.st_mode) || st.st_uid != getuid()) {
        *err = xasprintf(_("%s: the credentials must be a file of your own"), path);
        return -1;
    }
    if (st.st_mode & (S_IRWXG | S_IRWXO)) {
        *err = xasprintf(_("%s: others can read or change this file of credentials; make it yours alone: chmod 600 %s"),
                         path, path);
        return -1;
    }
    size_t len;
    char *text = read_fd(fd, 4096, &len);
    if (!text) {
        *err = xasprintf(_("%s: cannot read the credentials"), path);
        return -1;
    }
    text[strcspn(text, "\r\n")] = '\0';
    if (!well_formed(text)) {
        free(text);
        *err = xasprintf(_("%s: the first line must be key:secret"), path);
        return -1;
    }
    *out = text;
    return 0;
}

int auth_load(const char *file, char **out, char **err)
{
    *out = NULL;
    const char *env = getenv("VERBEELD_LRS_AUTH");
    if (env && *env) {
        if (!well_formed(env)) {
            *err = xstrdup(_("VERBEELD_LRS_AUTH must be key:secret"));
            return -1;
        }
        *out = xstrdup(env);
        return 0;
    }
    char *path = file ? xstrdup(file) : auth_default_file();
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    int rc = 0;
    if (fd < 0) {
        if (file || errno != ENOENT) {
            *err = xasprintf(_("%s: cannot read the credentials (%s)"), path, strerror(errno));
            rc = -1;
        }
    } else {
        rc = from_file(path, fd, out, err);
        close(fd);
    }
    free(path);
    return rc;
}
