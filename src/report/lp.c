/* Printing through lp for the screens (see cartera/lp.h). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "cartera/i18n.h"
#include "cartera/lp.h"

extern char **environ;

int lp_print(const char *path, const char *printer, cart_err *e)
{
	char *args[6], safe[1300];
	posix_spawn_file_actions_t fa;
	int n = 0, status = 0, err;
	pid_t pid;

	/* CUPS' lp takes no "--": a name starting with '-' is made a path instead */
	snprintf(safe, sizeof safe, "%s%s", path[0] == '-' ? "./" : "", path);
	if (!printer || !*printer)
		printer = getenv("PRINTER");
	args[n++] = "lp";
	if (printer && *printer) {
		args[n++] = "-d";
		args[n++] = (char *)printer;
	}
	args[n++] = safe;
	args[n] = NULL;
	if (posix_spawn_file_actions_init(&fa) != 0)
		return cart_fail(e, CART_NOMEM, "%s", _("out of memory starting lp"));
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	err = posix_spawnp(&pid, "lp", &fa, NULL, args, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (err == ENOENT)
		return cart_fail(e, CART_IO, "%s", _("the print spooler command \"lp\" was not found "
		                                     "(Debian package cups-client)"));
	if (err)
		return cart_fail(e, CART_IO, _("starting lp failed (%s)"), strerror(err));
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return cart_fail(e, CART_IO, _("lost track of lp (%s)"), strerror(errno));
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return cart_fail(e, CART_IO, _("lp refused the job (status %d)"),
		                 WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	cart_clear(e);
	return CART_OK;
}

void lp_kept_path(const char *name, const char *ext, char *buf, size_t size)
{
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");

	if (xdg && *xdg)
		snprintf(buf, size, "%s/cartera/printed/%s%s", xdg, name, ext);
	else
		snprintf(buf, size, "%s/.local/share/cartera/printed/%s%s", home ? home : ".", name,
		         ext);
}
