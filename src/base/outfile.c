/* Output files put in place whole; see include/cartera/outfile.h. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cartera/i18n.h"
#include "cartera/outfile.h"

int outfile_check(const char *path, int flags, cart_err *e)
{
	struct stat sb;

	if (!path || !*path)
		return cart_fail(e, CART_INVALID, _("no output file given"));
	if (lstat(path, &sb) != 0) {
		if (errno == ENOENT)
			return CART_OK;
		return cart_fail(e, CART_IO, _("cannot write %s: %s"), path, strerror(errno));
	}
	if (S_ISLNK(sb.st_mode))
		return cart_fail(e, CART_REFUSED, _("%s is a symbolic link: cartera does not write"
		                 " through links; give the real file name"), path);
	if (S_ISDIR(sb.st_mode))
		return cart_fail(e, CART_REFUSED, _("%s is a folder, not a file"), path);
	if (!S_ISREG(sb.st_mode))
		return cart_fail(e, CART_REFUSED, _("%s is not a regular file"), path);
	if (!(flags & OUTFILE_FORCE))
		return cart_fail(e, CART_REFUSED, _("%s already exists: give --force to replace it"),
		                 path);
	return CART_OK;
}

int outfile_begin(outfile *o, const char *path, int flags, cart_err *e)
{
	const char *slash;
	int fd, rc;

	memset(o, 0, sizeof *o);
	if ((rc = outfile_check(path, flags, e)) != CART_OK)
		return rc;
	if (strlen(path) >= sizeof o->path - 16)
		return cart_fail(e, CART_INVALID, _("the file name %s is too long"), path);
	snprintf(o->path, sizeof o->path, "%s", path);
	o->flags = flags;
	/* a hidden name in the same folder (so rename() is atomic) that no reader takes for the
	 * real file if a kill leaves it behind */
	slash = strrchr(path, '/');
	if (slash)
		snprintf(o->tmp, sizeof o->tmp, "%.*s/.%s.XXXXXX", (int)(slash - path), path, slash + 1);
	else
		snprintf(o->tmp, sizeof o->tmp, ".%s.XXXXXX", path);
	fd = mkstemp(o->tmp); /* 0600: private whatever the umask */
	if (fd < 0) {
		rc = cart_fail(e, CART_IO, _("cannot write %s: %s"), path, strerror(errno));
		o->tmp[0] = '\0';
		return rc;
	}
	close(fd);
	return CART_OK;
}

FILE *outfile_fopen(outfile *o)
{
	return o->tmp[0] ? fopen(o->tmp, "w") : NULL;
}

int outfile_commit(outfile *o, cart_err *e)
{
	int rc = CART_OK, fd;

	if (!o->tmp[0])
		return cart_fail(e, CART_IO, _("cannot write %s: nothing was written"), o->path);
	/* on disk before it takes the name: a crash must not leave an empty file under it */
	fd = open(o->tmp, O_RDONLY);
	if (fd < 0 || fsync(fd) != 0)
		rc = cart_fail(e, CART_IO, _("cannot write %s: %s"), o->path, strerror(errno));
	if (fd >= 0)
		close(fd);
	if (rc == CART_OK && (rc = outfile_check(o->path, o->flags, e)) == CART_OK) {
		if (o->flags & OUTFILE_FORCE) {
			if (rename(o->tmp, o->path) != 0)
				rc = cart_fail(e, CART_IO, _("cannot write %s: %s"), o->path,
				               strerror(errno));
		} else if (link(o->tmp, o->path) != 0) {
			/* link() refuses a name that appeared meanwhile, where rename() would not */
			if (errno == EEXIST)
				rc = cart_fail(e, CART_REFUSED, _("%s already exists: give --force to"
				               " replace it"), o->path);
			else if (rename(o->tmp, o->path) != 0) /* no hard links on this file system */
				rc = cart_fail(e, CART_IO, _("cannot write %s: %s"), o->path,
				               strerror(errno));
		}
	}
	unlink(o->tmp);
	o->tmp[0] = '\0';
	return rc;
}

void outfile_abort(outfile *o)
{
	if (o->tmp[0])
		unlink(o->tmp);
	o->tmp[0] = '\0';
}
