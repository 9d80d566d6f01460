/* Delivery through the system's sendmail-compatible command: the stored message is piped to it
 * whole; its exit status and what it says on stderr are the outcome. No SMTP in cartera. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cartera/i18n.h"
#include "cartera/mail.h"

extern char **environ;

/* Whole seconds since some fixed point, for the timeout. */
static double mono_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The last lines of what the command said, on one line, for the outbox's error. */
static void squeeze(const char *in, size_t n, char *out, size_t size)
{
	size_t k = 0;
	int space = 0;

	if (n > size * 2)
		in += n - size * 2, n = size * 2;
	for (size_t i = 0; i < n && k + 1 < size; i++) {
		unsigned char ch = (unsigned char)in[i];

		if (ch == '\n' || ch == '\r' || ch == '\t' || ch == ' ') {
			space = k > 0;
			continue;
		}
		if (ch < 0x20)
			continue;
		if (space && k + 2 < size)
			out[k++] = ' ';
		space = 0;
		out[k++] = (char)ch;
	}
	out[k] = '\0';
}

int mail_deliver(const char *command, const char *raw, size_t len, int timeout, cart_err *e)
{
	posix_spawn_file_actions_t fa;
	struct sigaction ign, old;
	int in[2] = { -1, -1 }, err[2] = { -1, -1 }, status = 0, rc, killed = 0;
	char *argv[] = { "sh", "-c", (char *)command, NULL };
	char said[2048], msg[400];
	size_t said_n = 0, done = 0;
	double until;
	pid_t pid;

	if (!command || !*command)
		return cart_fail(e, CART_INVALID, _("no sendmail command is set (cartera company set"
		                 " sendmail \"/usr/sbin/sendmail -t -oi\")"));
	if (pipe(in) != 0 || pipe(err) != 0) {
		rc = cart_fail(e, CART_IO, _("cannot start the sendmail command: %s"), strerror(errno));
		goto close_pipes;
	}
	fcntl(in[1], F_SETFD, FD_CLOEXEC);
	fcntl(err[0], F_SETFD, FD_CLOEXEC);
	if (posix_spawn_file_actions_init(&fa) != 0) {
		rc = cart_fail(e, CART_NOMEM, _("out of memory"));
		goto close_pipes;
	}
	posix_spawn_file_actions_adddup2(&fa, in[0], 0);
	posix_spawn_file_actions_adddup2(&fa, err[1], 1);
	posix_spawn_file_actions_adddup2(&fa, err[1], 2);
	posix_spawn_file_actions_addclose(&fa, in[0]);
	posix_spawn_file_actions_addclose(&fa, err[1]);
	rc = posix_spawn(&pid, "/bin/sh", &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (rc != 0) {
		rc = cart_fail(e, CART_IO, _("cannot start the sendmail command: %s"), strerror(rc));
		goto close_pipes;
	}
	close(in[0]);
	close(err[1]);
	in[0] = err[1] = -1;
	fcntl(in[1], F_SETFL, O_NONBLOCK);

	/* a command that stops reading must not kill cartera with SIGPIPE */
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &ign, &old);
	until = mono_now() + (timeout > 0 ? timeout : 120);
	while (err[0] >= 0) {
		struct pollfd pf[2];
		int np = 0, left = (int)((until - mono_now()) * 1000);

		if (left <= 0) {
			kill(pid, SIGKILL);
			killed = 1;
			break;
		}
		pf[np].fd = err[0];
		pf[np++].events = POLLIN;
		if (in[1] >= 0) {
			pf[np].fd = in[1];
			pf[np++].events = POLLOUT;
		}
		if (poll(pf, (nfds_t)np, left) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (np > 1 && (pf[1].revents & (POLLOUT | POLLERR | POLLHUP))) {
			ssize_t w = write(in[1], raw + done, len - done);

			if (w > 0)
				done += (size_t)w;
			if ((w < 0 && errno != EAGAIN && errno != EINTR) || done == len) {
				close(in[1]);
				in[1] = -1;
			}
		}
		if (pf[0].revents & (POLLIN | POLLHUP | POLLERR)) {
			char tmp[1024];
			ssize_t r = read(err[0], tmp, sizeof tmp);

			if (r > 0) {
				size_t k = (size_t)r;

				if (said_n + k > sizeof said) { /* keep the end: the reason is usually last */
					size_t drop = said_n + k - sizeof said;

					if (drop > said_n)
						drop = said_n;
					memmove(said, said + drop, said_n - drop);
					said_n -= drop;
					if (k > sizeof said)
						k = sizeof said;
				}
				memcpy(said + said_n, tmp + (size_t)r - k, k);
				said_n += k;
			} else if (r == 0 || (errno != EAGAIN && errno != EINTR)) {
				close(err[0]);
				err[0] = -1;
			}
		}
	}
	if (in[1] >= 0) {
		close(in[1]);
		in[1] = -1;
	}
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	sigaction(SIGPIPE, &old, NULL);
	squeeze(said, said_n, msg, sizeof msg);
	if (killed)
		rc = cart_fail(e, CART_IO, _("the sendmail command did not finish within %d seconds"
		               " and was stopped%s%s"), timeout > 0 ? timeout : 120, msg[0] ? ": " : "",
		               msg);
	else if (WIFEXITED(status) && WEXITSTATUS(status) == 0 && done == len)
		rc = CART_OK;
	else if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		rc = cart_fail(e, CART_IO, _("the sendmail command stopped reading the message after"
		               " %zu of %zu bytes%s%s"), done, len, msg[0] ? ": " : "", msg);
	else if (WIFEXITED(status))
		rc = cart_fail(e, CART_IO, _("the sendmail command failed (exit status %d)%s%s"),
		               WEXITSTATUS(status), msg[0] ? ": " : "", msg);
	else
		rc = cart_fail(e, CART_IO, _("the sendmail command was killed by signal %d%s%s"),
		               WIFSIGNALED(status) ? WTERMSIG(status) : 0, msg[0] ? ": " : "", msg);
close_pipes:
	for (int i = 0; i < 2; i++) {
		if (in[i] >= 0)
			close(in[i]);
		if (err[i] >= 0)
			close(err[i]);
	}
	if (rc == CART_OK)
		cart_clear(e);
	return rc;
}
