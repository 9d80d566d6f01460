/* Word lists for the demo ledger and the builders that combine them. See src/ctl/demo_names.h.
 * Names are numbered combinations: the k-th name is k scrambled by a multiplier prime to the
 * number of combinations (a bijection), then read as digits in mixed radix, so neighbouring
 * clients do not share words and no two k below the capacity give the same name. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "demo_names.h"

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

static const char *const biz_types[] = {
	"Ferretería", "Panadería", "Droguería", "Distribuidora", "Transportes", "Comercializadora",
	"Inversiones", "Constructora", "Supermercado", "Almacén", "Papelería", "Restaurante",
	"Cafetería", "Taller", "Laboratorio", "Clínica", "Agropecuaria", "Textiles", "Confecciones",
	"Muebles", "Importadora", "Servicios", "Soluciones", "Ingeniería", "Editorial", "Litografía",
	"Carnicería", "Frutería", "Miscelánea", "Hotel", "Estación de Servicio", "Colegio",
	"Centro Médico", "Óptica", "Veterinaria", "Lavandería", "Cerrajería", "Electrodomésticos",
	"Repuestos", "Autopartes", "Licorera", "Floristería", "Joyería", "Calzado", "Tienda",
	"Depósito", "Granero", "Panificadora", "Lácteos", "Avícola", "Maderas", "Ladrillera",
	"Vidriería", "Pinturas", "Tecnología", "Asesorías", "Logística", "Agencia de Viajes",
	"Eléctricos", "Plásticos", "Empaques", "Alimentos", "Café", "Mensajería",
};

static const char *const biz_cores[] = {
	"El Progreso", "La Esperanza", "San José", "Santa Fe", "Los Andes", "El Dorado",
	"La Estrella", "Doña Inés", "Don Pedro", "El Porvenir", "La Victoria", "Rápidos del Norte",
	"del Caribe", "del Pacífico", "Central", "La Económica", "El Triunfo", "Nueva Granada",
	"Altamira", "La Sabana", "El Roble", "La Ceiba", "Los Almendros", "San Rafael",
	"Santa Lucía", "La Candelaria", "El Poblado", "La Primavera", "El Edén", "Villa del Río",
	"La Frontera", "del Valle", "Antioqueña", "Costeña", "Santandereana", "Boyacense", "Llanera",
	"Tolimense", "del Sur", "del Oriente", "Occidental", "Nacional", "Continental", "Andina",
	"Colonial", "Moderna", "Universal", "Integral", "Express", "Premium", "La Familia",
	"Los Pinos", "El Carmen", "San Nicolás", "San Antonio", "Santa Marta", "La Palma", "El Sol",
	"La Luna", "Aurora", "Horizonte", "Cordillera", "Magdalena", "del Cauca", "Guadalupe",
	"El Rosal", "Las Acacias", "El Jardín", "Don Jaime", "Doña Rosa", "Don Chepe", "Doña Marta",
	"Mi Tierra", "El Buen Precio", "La Rebaja", "Oro Verde", "Tres Esquinas", "La Floresta",
	"El Cedro", "Bella Vista", "Monteverde", "Piedra Blanca", "Río Claro", "Las Palmas",
	"El Cafetal", "La Montaña", "El Llano", "La 70", "La 33", "Centenario", "Bicentenario",
	"Colombia", "Gómez", "Restrepo", "Martínez", "Ospina", "Uribe", "Jaramillo", "Londoño",
	"Echeverri", "Zuluaga", "Vélez", "Arango", "Cárdenas", "Quintero", "Mejía", "Betancur",
	"Salazar", "Giraldo", "Serna", "Patiño", "Duque", "Henao", "Ocampo", "Valencia", "Herrera",
	"Castaño", "Hurtado", "Rincón", "Pineda", "Acosta", "Bermúdez", "Cifuentes", "Montoya",
};

/* Five of the eight forms are S.A.S., as most Colombian companies are today. */
static const char *const biz_forms[] = {
	"S.A.S.", "Ltda.", "S.A.", "& Cía. S.A.S.", "de Colombia S.A.S.", "Hermanos S.A.S.",
	"y Compañía Ltda.", "Asociados S.A.S.",
};

static const char *const first_names[] = {
	"María José", "Ana María", "Luisa Fernanda", "Diana Marcela", "Paola Andrea",
	"Claudia Patricia", "Sandra Milena", "Martha Lucía", "Gloria Inés", "Carolina", "Natalia",
	"Valentina", "Daniela", "Camila", "Juliana", "Catalina", "Alejandra", "Adriana", "Ángela",
	"Beatriz", "Liliana", "Mónica", "Sofía", "Isabel", "Inés", "Rocío", "Yolanda", "Esperanza",
	"Marisol", "Leidy Johana", "Jimena", "Lorena", "Juan Carlos", "Luis Fernando",
	"Carlos Andrés", "José Manuel", "Juan David", "Andrés Felipe", "Jorge Enrique",
	"Héctor Fabio", "Óscar Iván", "Jhon Jairo", "Diego Alejandro", "Julián", "Santiago",
	"Sebastián", "Mateo", "Alejandro", "Fernando", "Gustavo", "Hernán", "Álvaro", "Germán",
	"Ramiro", "Rubén", "Mauricio", "Nicolás", "Camilo", "Esteban", "Felipe", "Iván Darío",
	"William", "Édgar", "Fabio",
};

static const char *const surnames[] = {
	"Gómez", "Rodríguez", "González", "Martínez", "García", "López", "Hernández", "Sánchez",
	"Ramírez", "Pérez", "Díaz", "Muñoz", "Rojas", "Moreno", "Jiménez", "Vargas", "Castro",
	"Gutiérrez", "Álvarez", "Romero", "Suárez", "Ortiz", "Torres", "Ruiz", "Valencia",
	"Quintero", "Restrepo", "Ospina", "Cárdenas", "Mejía", "Salazar", "Giraldo", "Zapata",
	"Osorio", "Arias", "Peñalosa", "Castaño", "Londoño", "Jaramillo", "Uribe", "Echeverri",
	"Betancur", "Henao", "Montoya", "Vélez", "Arango", "Zuluaga", "Agudelo", "Correa",
	"Cardona", "Patiño", "Duque", "Serna", "Ocampo", "Herrera", "Hurtado", "Rincón", "Pineda",
	"Acosta", "Bermúdez", "Cifuentes", "Benítez", "Bustamante", "Cabrera", "Calderón",
	"Camacho", "Campos", "Caicedo", "Carvajal", "Castillo", "Cortés", "Cruz", "Delgado",
	"Escobar", "Espinosa", "Figueroa", "Flórez", "Forero", "Franco", "Fuentes", "Galeano",
	"Garzón", "Guerrero", "Guzmán", "Ibáñez", "Lozano", "Medina", "Méndez", "Mendoza", "Molina",
	"Mora", "Moya", "Navarro", "Niño", "Núñez", "Ochoa", "Orozco", "Pacheco", "Parra", "Peña",
	"Prieto", "Quiroga", "Reyes", "Rivera", "Robledo", "Salcedo", "Sarmiento", "Silva",
	"Solano", "Sosa", "Tovar", "Trujillo", "Urrego", "Vallejo", "Vanegas", "Vásquez", "Vega",
	"Villa", "Villamizar", "Yepes", "Zamora", "Ávila", "Barrera", "Bonilla", "Buitrago",
	"Chaparro", "Aristizábal", "Marín",
};

static const dn_place places[] = {
	{ "Bogotá", "Bogotá D.C.", 601, 30 },
	{ "Medellín", "Antioquia", 604, 14 },
	{ "Cali", "Valle del Cauca", 602, 10 },
	{ "Barranquilla", "Atlántico", 605, 7 },
	{ "Cartagena", "Bolívar", 605, 5 },
	{ "Bucaramanga", "Santander", 607, 5 },
	{ "Cúcuta", "Norte de Santander", 607, 3 },
	{ "Pereira", "Risaralda", 606, 3 },
	{ "Manizales", "Caldas", 606, 2 },
	{ "Ibagué", "Tolima", 608, 2 },
	{ "Villavicencio", "Meta", 608, 2 },
	{ "Santa Marta", "Magdalena", 605, 2 },
	{ "Pasto", "Nariño", 602, 2 },
	{ "Neiva", "Huila", 608, 2 },
	{ "Armenia", "Quindío", 606, 2 },
	{ "Montería", "Córdoba", 604, 2 },
	{ "Envigado", "Antioquia", 604, 2 },
	{ "Bello", "Antioquia", 604, 2 },
	{ "Itagüí", "Antioquia", 604, 2 },
	{ "Soacha", "Cundinamarca", 601, 2 },
	{ "Popayán", "Cauca", 602, 1 },
	{ "Valledupar", "Cesar", 605, 1 },
	{ "Tunja", "Boyacá", 608, 1 },
	{ "Sincelejo", "Sucre", 605, 1 },
	{ "Rionegro", "Antioquia", 604, 1 },
	{ "Chía", "Cundinamarca", 601, 1 },
	{ "Zipaquirá", "Cundinamarca", 601, 1 },
	{ "Facatativá", "Cundinamarca", 601, 1 },
	{ "Palmira", "Valle del Cauca", 602, 1 },
	{ "Buenaventura", "Valle del Cauca", 602, 1 },
	{ "Tuluá", "Valle del Cauca", 602, 1 },
	{ "Floridablanca", "Santander", 607, 1 },
	{ "Girón", "Santander", 607, 1 },
	{ "Barrancabermeja", "Santander", 607, 1 },
	{ "Soledad", "Atlántico", 605, 1 },
	{ "Dosquebradas", "Risaralda", 606, 1 },
	{ "Duitama", "Boyacá", 608, 1 },
	{ "Sogamoso", "Boyacá", 608, 1 },
	{ "Riohacha", "La Guajira", 605, 1 },
	{ "Yopal", "Casanare", 608, 1 },
	{ "Florencia", "Caquetá", 608, 1 },
	{ "Quibdó", "Chocó", 604, 1 },
};

static const char *const street_kinds[] = {
	"Calle", "Calle", "Calle", "Carrera", "Carrera", "Carrera", "Avenida Calle",
	"Avenida Carrera", "Diagonal", "Transversal",
};

/* What follows the street number, if anything: "" for most addresses. */
static const char *const address_units[] = {
	"", "", "", "", "", "Local", "Oficina", "Bodega", "Piso", "Apto", "Interior",
};

static const char *const mail_boxes[] = {
	"cartera", "contabilidad", "facturacion", "tesoreria", "gerencia", "info", "pagos",
	"administracion",
};

static const char *const mail_hosts[] = {
	"gmail.com", "gmail.com", "gmail.com", "hotmail.com", "hotmail.com", "outlook.com",
	"yahoo.es", "une.net.co",
};

static const char *const mobile_prefixes[] = {
	"300", "301", "302", "304", "305", "310", "311", "312", "313", "314", "315", "316", "317",
	"318", "319", "320", "321", "350", "351",
};

static const char *const notes[] = {
	"Cliente preferencial: despachar aunque tenga saldo vencido hasta 15 días.",
	"Pagan solo por transferencia los viernes; enviar la factura a tesorería.",
	"Exige orden de compra en cada factura.",
	"Llamar a la contadora antes de enviar recordatorios.",
	"Retención en la fuente del 2,5% en cada pago.",
	"Radicar facturas antes del día 20 de cada mes.",
	"Cupo revisado por el comité de crédito.",
	"Historial de cheques devueltos: pedir pago por transferencia.",
};

static const char *const credit_reasons[] = {
	"Devolución de mercancía", "Descuento comercial", "Descuento por pronto pago",
	"Error en el precio facturado", "Mercancía averiada en el transporte",
	"Faltante en la entrega", "Bonificación por volumen de compra",
};

static const char *const void_invoice_reasons[] = {
	"Factura emitida al cliente equivocado", "Error en el valor facturado",
	"Pedido cancelado por el cliente antes del despacho", "Factura duplicada",
};

static const char *const void_receipt_reasons[] = {
	"Cheque devuelto por fondos insuficientes", "Pago registrado dos veces",
	"Consignación aplicada al cliente equivocado", "Transferencia rechazada por el banco",
};

/* ---- numbered combinations ---- */

static uint64_t gcd(uint64_t a, uint64_t b)
{
	while (b) {
		uint64_t t = a % b;

		a = b;
		b = t;
	}
	return a;
}

/* k scrambled over [0, n): a fixed multiplier made prime to n, so distinct k stay distinct. */
static uint64_t scramble(uint64_t k, uint64_t n)
{
	uint64_t m = 2654435761u % n;

	if (n <= 1)
		return 0;
	if (m == 0)
		m = 1;
	while (gcd(m, n) != 1)
		m++;
	/* n is at most a few million here, so the product cannot overflow */
	return (k % n * m + 12345) % n;
}

uint64_t dn_business_capacity(int legal)
{
	return (uint64_t)N_OF(biz_types) * N_OF(biz_cores) * (legal ? N_OF(biz_forms) : 1);
}

uint64_t dn_person_capacity(void)
{
	return (uint64_t)N_OF(first_names) * N_OF(surnames) * N_OF(surnames);
}

/* " 2", " 3", ... once every combination has been used. */
static void branch_suffix(uint64_t k, uint64_t cap, char *buf, size_t size)
{
	buf[0] = '\0';
	if (k >= cap)
		snprintf(buf, size, " %llu", (unsigned long long)(k / cap + 1));
}

void dn_business(uint64_t k, int legal, char *buf, size_t size)
{
	uint64_t cap = dn_business_capacity(legal), x = scramble(k, cap);
	size_t nt = N_OF(biz_types), nc = N_OF(biz_cores);
	const char *type = biz_types[x % nt];
	const char *core = biz_cores[x / nt % nc];
	char branch[24];

	branch_suffix(k, cap, branch, sizeof branch);
	if (legal)
		snprintf(buf, size, "%s %s%s %s", type, core, branch, biz_forms[x / nt / nc]);
	else
		snprintf(buf, size, "%s %s%s", type, core, branch);
}

void dn_person(uint64_t k, char *buf, size_t size)
{
	uint64_t cap = dn_person_capacity(), x = scramble(k, cap);
	size_t nf = N_OF(first_names), ns = N_OF(surnames);
	char branch[24];

	branch_suffix(k, cap, branch, sizeof branch);
	snprintf(buf, size, "%s %s %s%s", first_names[x % nf], surnames[x / nf % ns],
	         surnames[x / nf / ns % ns], branch);
}

/* ---- places, addresses, contacts ---- */

const dn_place *dn_place_pick(uint64_t r)
{
	uint64_t total = 0, pick;

	for (size_t i = 0; i < N_OF(places); i++)
		total += (uint64_t)places[i].weight;
	pick = r % total;
	for (size_t i = 0; i < N_OF(places); i++) {
		if (pick < (uint64_t)places[i].weight)
			return &places[i];
		pick -= (uint64_t)places[i].weight;
	}
	return &places[0];
}

void dn_address(uint64_t r, char *buf, size_t size)
{
	const char *kind = street_kinds[r % N_OF(street_kinds)];
	unsigned street = (unsigned)(r >> 8) % 150 + 1, cross = (unsigned)(r >> 16) % 120 + 1;
	unsigned door = (unsigned)(r >> 24) % 98 + 2, unit = (unsigned)(r >> 32) % 40 + 1;
	const char *what = address_units[(r >> 40) % N_OF(address_units)];
	char letter[4] = "", tail[48] = "";

	if ((r >> 48) % 5 == 0)
		snprintf(letter, sizeof letter, "%c", 'A' + (int)((r >> 51) % 4));
	if (*what) {
		/* offices and flats are numbered by floor: 302 is the third floor */
		if (!strcmp(what, "Oficina") || !strcmp(what, "Apto"))
			unit = (unit % 12 + 1) * 100 + unit % 8 + 1;
		snprintf(tail, sizeof tail, ", %s %u", what, unit);
	}
	snprintf(buf, size, "%s %u%s%s # %u-%u%s", kind, street, letter,
	         (r >> 54) % 9 == 0 ? " Sur" : "", cross, door, tail);
}

size_t dn_fold_ascii(const char *in, char *out, size_t size)
{
	/* Latin-1 supplement letters U+00C0..U+00FF, as the second byte of C3 xx */
	static const char fold[64] = "aaaaaaaceeeeiiiidnooooo/ouuuuyts"
	                             "aaaaaaaceeeeiiiidnooooo/ouuuuyty";
	const unsigned char *p = (const unsigned char *)in;
	size_t n = 0;

	if (size == 0)
		return 0;
	while (*p && n + 1 < size) {
		char c = 0;

		if (*p == 0xC3 && p[1] >= 0x80 && p[1] <= 0xBF) {
			c = fold[p[1] - 0x80];
			p += 2;
		} else if (*p < 0x80) {
			c = (char)*p++;
			if (c >= 'A' && c <= 'Z')
				c = (char)(c - 'A' + 'a');
		} else {
			p++;    /* other multi-byte text is dropped */
		}
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			out[n++] = c;
	}
	out[n] = '\0';
	return n;
}

/* The first word of text, folded. */
static void first_word(const char *text, char *out, size_t size)
{
	char word[64];
	size_t len = strcspn(text, " ");

	if (len >= sizeof word)
		len = sizeof word - 1;
	memcpy(word, text, len);
	word[len] = '\0';
	dn_fold_ascii(word, out, size);
}

void dn_email(const char *name, int business, uint64_t r, char *buf, size_t size)
{
	char a[48], b[48];

	if (business) {
		/* the domain is the name without its legal form */
		char base[160];
		const char *form = NULL;

		snprintf(base, sizeof base, "%s", name);
		for (size_t i = 0; i < N_OF(biz_forms); i++) {
			const char *f = strstr(base, biz_forms[i]);

			if (f && (!form || f < form))
				form = f;
		}
		if (form)
			base[form - base] = '\0';
		dn_fold_ascii(base, a, 31);
		snprintf(buf, size, "%s@%s.%s", mail_boxes[r % N_OF(mail_boxes)], a,
		         (r >> 8) % 3 ? "com.co" : "com");
		return;
	}
	/* first given name and first surname: the word after the given names */
	first_word(name, a, sizeof a);
	{
		const char *p = name;
		int words = 0;

		/* "María José Peñalosa Gómez": two given names when the name has four words */
		for (const char *q = name; *q; q++)
			words += *q == ' ';
		for (int skip = words >= 3 ? 2 : 1; skip > 0 && (p = strchr(p, ' ')); skip--)
			p++;
		first_word(p ? p : "", b, sizeof b);
	}
	if ((r >> 4) % 3 == 0)
		snprintf(buf, size, "%s.%s%u@%s", a, b, (unsigned)(r >> 12) % 90 + 10,
		         mail_hosts[r % N_OF(mail_hosts)]);
	else
		snprintf(buf, size, "%s.%s@%s", a, b, mail_hosts[r % N_OF(mail_hosts)]);
}

void dn_phone(int area, uint64_t r, char *buf, size_t size)
{
	snprintf(buf, size, "%03d %03u %04u", area, (unsigned)(r % 800 + 200),
	         (unsigned)(r >> 16) % 10000);
}

void dn_mobile(uint64_t r, char *buf, size_t size)
{
	snprintf(buf, size, "%s %03u %04u", mobile_prefixes[r % N_OF(mobile_prefixes)],
	         (unsigned)((r >> 8) % 900 + 100), (unsigned)(r >> 24) % 10000);
}

const char *dn_note(uint64_t r)
{
	return r % 10 == 0 ? notes[(r >> 8) % N_OF(notes)] : "";
}

const char *dn_credit_reason(uint64_t r)
{
	return credit_reasons[r % N_OF(credit_reasons)];
}

const char *dn_void_reason(int invoice, uint64_t r)
{
	return invoice ? void_invoice_reasons[r % N_OF(void_invoice_reasons)]
	               : void_receipt_reasons[r % N_OF(void_receipt_reasons)];
}

/* ---- whole clients ---- */

static int pick_terms(dn_rng *r, int legal)
{
	static const int terms[] = { 0, 15, 30, 45, 60, 90 };
	static const int legal_w[] = { 3, 12, 45, 15, 17, 8 };
	static const int natural_w[] = { 25, 25, 40, 5, 5, 0 };
	const int *w = legal ? legal_w : natural_w;
	int pick = (int)dn_below(r, 100), i = 0;

	while (pick >= w[i]) {
		pick -= w[i];
		i++;
	}
	return terms[i];
}

void dn_client(dn_rng *r, int kind, uint64_t k, int64_t median, int64_t round, client *c)
{
	const dn_place *pl;
	int legal = kind == DN_COMPANY, business = kind != DN_PERSON;

	c->taxpayer_type = legal ? 1 : 0;   /* enum taxpayer_type: legal or natural person */
	c->receiver_type = kind == DN_PERSON && dn_chance(r, 250) ? RECEIVER_FINAL : RECEIVER_TAXPAYER;
	if (kind == DN_PERSON)
		dn_person(k, c->name, sizeof c->name);
	else
		dn_business(k, legal, c->name, sizeof c->name);
	pl = dn_place_pick(dn_rnd(r));
	snprintf(c->location, sizeof c->location, "%s / %s", pl->city, pl->dept);
	dn_address(dn_rnd(r), c->address, sizeof c->address);
	dn_email(c->name, business, dn_rnd(r), c->email, sizeof c->email);
	c->phone[0] = c->mobile[0] = '\0';
	if (business || dn_chance(r, 400))
		dn_phone(pl->area, dn_rnd(r), c->phone, sizeof c->phone);
	if (!legal || dn_chance(r, 600))
		dn_mobile(dn_rnd(r), c->mobile, sizeof c->mobile);
	c->terms_days = pick_terms(r, legal);
	/* companies get a limit of 5 to 80 typical invoices, half the persons one of 1 to 10 */
	if (legal)
		c->credit_limit = dn_chance(r, 700) ? median * (int64_t)(5 << dn_below(r, 5)) : 0;
	else
		c->credit_limit = dn_chance(r, 500) ? median * (int64_t)(1 + dn_below(r, 10)) : 0;
	if (round > 0)
		c->credit_limit = c->credit_limit / (round * 10) * (round * 10);
	snprintf(c->notes, sizeof c->notes, "%s", dn_note(dn_rnd(r)));
}

void dn_payment_method(dn_rng *r, char method[24], char reference[64])
{
	static const char *const banks[] = {
		"Bancolombia", "Davivienda", "Banco de Bogotá", "BBVA", "Banco de Occidente",
		"Banco Popular", "Banco AV Villas",
	};
	unsigned pick = dn_below(r, 100), n = (unsigned)dn_below(r, 1000000);

	reference[0] = '\0';
	if (pick < 58) {
		snprintf(method, 24, "transfer");
		snprintf(reference, 64, "TRF %s %06u", banks[n % N_OF(banks)], n);
	} else if (pick < 72) {
		snprintf(method, 24, "cheque");
		snprintf(reference, 64, "CH %06u %s", n, banks[(n >> 3) % N_OF(banks)]);
	} else if (pick < 86) {
		snprintf(method, 24, "cash");
	} else {
		snprintf(method, 24, "card");
		snprintf(reference, 64, "Voucher %06u", n);
	}
}
