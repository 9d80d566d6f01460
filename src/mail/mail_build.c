/* Messages built by GMime 3: headers encoded per RFC 2047 by the library, a quoted-printable
 * UTF-8 body, base64 attachments. See cartera/mail.h. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gmime/gmime.h>

#include "cartera/i18n.h"
#include "cartera/mail.h"

typedef struct add_ctx {
	GMimeMessage *msg;
	GMimeAddressType type;
} add_ctx;

static int add_one(void *ud, const char *name, const char *addr)
{
	add_ctx *x = ud;
	InternetAddress *ia = internet_address_mailbox_new(name, addr);

	/* names in UTF-8, as the subject: GMime would pick Latin-1 for "Ñañez" */
	internet_address_set_charset(ia, "utf-8");
	internet_address_list_add(g_mime_message_get_addresses(x->msg, x->type), ia);
	g_object_unref(ia);
	return CART_OK;
}

static int add_list(GMimeMessage *msg, GMimeAddressType type, const char *list, const char *what,
                    cart_err *e)
{
	add_ctx x = { msg, type };

	return mail_addr_each(list, add_one, &x, what, e);
}

/* A part holding a copy of data, with content encoding enc. */
static void part_content(GMimePart *part, const void *data, size_t len,
                         GMimeContentEncoding enc)
{
	GMimeStream *st = g_mime_stream_mem_new_with_buffer(data, len);
	GMimeDataWrapper *w = g_mime_data_wrapper_new_with_stream(st, GMIME_CONTENT_ENCODING_DEFAULT);

	g_mime_part_set_content(part, w);
	g_mime_part_set_content_encoding(part, enc);
	g_object_unref(w);
	g_object_unref(st);
}

/* The domain of the sender's address, for the Message-ID. */
static void from_domain(const char *from, char *buf, size_t size)
{
	const char *at = from ? strrchr(from, '@') : NULL;
	size_t n = 0;

	if (at)
		for (at++; at[n] && at[n] != '>' && at[n] != ' ' && n + 1 < size; n++)
			buf[n] = at[n];
	buf[n] = '\0';
	if (!n)
		snprintf(buf, size, "cartera.invalid");
}

int mail_build(const mail_msg *m, char **raw, size_t *len, cart_err *e)
{
	GMimeMessage *msg;
	GMimeTextPart *text;
	GMimeObject *top;
	GMimeStream *out;
	GByteArray *ba;
	GDateTime *now;
	char domain[256], *mid;
	int nto = 0, rc = CART_OK, nparts = 0;

	*raw = NULL;
	*len = 0;
	if (mail_addr_check(m->to, _("To"), &nto, e) != CART_OK ||
	    mail_addr_check(m->cc, _("Cc"), NULL, e) != CART_OK ||
	    mail_addr_check(m->bcc, _("Bcc"), NULL, e) != CART_OK ||
	    mail_addr_check(m->from, _("the sender (mail-from)"), NULL, e) != CART_OK ||
	    mail_addr_check(m->reply_to, _("Reply-To"), NULL, e) != CART_OK)
		return e->code;
	if (!nto)
		return cart_fail(e, CART_INVALID, _("the message has no recipient (To)"));
	if (!m->from || !*m->from)
		return cart_fail(e, CART_INVALID, _("the message has no sender: set one with"
		                 " 'cartera company set mail-from ADDRESS'"));

	g_mime_init();
	msg = g_mime_message_new(TRUE);
	if ((rc = add_list(msg, GMIME_ADDRESS_TYPE_FROM, m->from, _("the sender"), e)) ||
	    (rc = add_list(msg, GMIME_ADDRESS_TYPE_REPLY_TO, m->reply_to, _("Reply-To"), e)) ||
	    (rc = add_list(msg, GMIME_ADDRESS_TYPE_TO, m->to, _("To"), e)) ||
	    (rc = add_list(msg, GMIME_ADDRESS_TYPE_CC, m->cc, _("Cc"), e)) ||
	    (rc = add_list(msg, GMIME_ADDRESS_TYPE_BCC, m->bcc, _("Bcc"), e))) {
		g_object_unref(msg);
		return rc;
	}
	g_mime_message_set_subject(msg, m->subject ? m->subject : "", "utf-8");
	now = g_date_time_new_now_local();
	g_mime_message_set_date(msg, now);
	g_date_time_unref(now);
	from_domain(m->from, domain, sizeof domain);
	mid = g_mime_utils_generate_message_id(domain);
	g_mime_message_set_message_id(msg, mid);
	g_free(mid);
	g_mime_object_set_header(GMIME_OBJECT(msg), "X-Mailer", "cartera " PACKAGE_VERSION, NULL);

	/* the text as given, declared UTF-8: g_mime_text_part_set_text would pick the narrowest
	 * charset (Latin-1 for "Ñañez") and convert it */
	text = g_mime_text_part_new_with_subtype("plain");
	part_content(GMIME_PART(text), m->body ? m->body : "", m->body ? strlen(m->body) : 0,
	             GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);
	g_mime_text_part_set_charset(text, "utf-8");
	for (int i = 0; i < m->nparts; i++)
		nparts += !m->parts[i].off;
	if (!nparts) {
		top = GMIME_OBJECT(text);
	} else {
		GMimeMultipart *mp = g_mime_multipart_new_with_subtype("mixed");

		g_mime_multipart_add(mp, GMIME_OBJECT(text));
		g_object_unref(text);
		for (int i = 0; i < m->nparts; i++) {
			const mail_part *p = &m->parts[i];
			char major[96] = "application", *minor = "octet-stream", type[96];
			GMimePart *att;

			if (p->off)
				continue;
			snprintf(type, sizeof type, "%s", p->type[0] ? p->type : "application/octet-stream");
			if ((minor = strchr(type, '/')) != NULL) {
				*minor++ = '\0';
				snprintf(major, sizeof major, "%s", type);
			} else {
				minor = "octet-stream";
			}
			att = g_mime_part_new_with_type(major, minor);
			g_mime_part_set_filename(att, p->filename);
			part_content(att, p->data, p->len, GMIME_CONTENT_ENCODING_BASE64);
			g_mime_multipart_add(mp, GMIME_OBJECT(att));
			g_object_unref(att);
		}
		top = GMIME_OBJECT(mp);
	}
	g_mime_message_set_mime_part(msg, top);
	g_object_unref(top);

	out = g_mime_stream_mem_new();
	if (g_mime_object_write_to_stream(GMIME_OBJECT(msg), NULL, out) < 0) {
		rc = cart_fail(e, CART_IO, _("the message could not be written out"));
	} else {
		ba = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(out));
		if (!(*raw = malloc(ba->len + 1))) {
			rc = cart_fail(e, CART_NOMEM, _("out of memory"));
		} else {
			memcpy(*raw, ba->data, ba->len);
			(*raw)[ba->len] = '\0';
			*len = ba->len;
		}
	}
	g_object_unref(out);
	g_object_unref(msg);
	return rc;
}
