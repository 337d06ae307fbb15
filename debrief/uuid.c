/*
 * uuid.c - name-based UUIDs (RFC 4122 version 5): the same session always gets the same xAPI
 * registration and statement ids, so a re-import into a learning record store is idempotent.
 */
#include "debrief/uuid.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "base/util.h"

typedef struct {
    uint32_t h[5];
    uint64_t len;
    unsigned char buf[64];
    size_t nbuf;
} Sha1;

static uint32_t rol(uint32_t x, int n) { return (x << n) | (x >> (32 - n)); }

static void sha1_block(Sha1 *c, const unsigned char *p)
{
    uint32_t w[80];
    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 | (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
    for (int i = 16; i < 80; i++) w[i] = rol(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    uint32_t a = c->h[0], b = c->h[1], cc = c->h[2], d = c->h[3], e = c->h[4];
    for (int i = 0; i < 80; i++) {
        uint32_t f, k;
        if (i < 20) { f = (b & cc) | (~b & d); k = 0x5A827999; }
        else if (i < 40) { f = b ^ cc ^ d; k = 0x6ED9EBA1; }
        else if (i < 60) { f = (b & cc) | (b & d) | (cc & d); k = 0x8F1BBCDC; }
        else { f = b ^ cc ^ d; k = 0xCA62C1D6; }
        uint32_t t = rol(a, 5) + f + e + k + w[i];
        e = d; d = cc; cc = rol(b, 30); b = a; a = t;
    }
    c->h[0] += a; c->h[1] += b; c->h[2] += cc; c->h[3] += d; c->h[4] += e;
}

static void sha1_add(Sha1 *c, const void *data, size_t n)
{
    const unsigned char *p = data;
    c->len += n;
    while (n--) {
        c->buf[c->nbuf++] = *p++;
        if (c->nbuf == 64) { sha1_block(c, c->buf); c->nbuf = 0; }
    }
}

static void sha1_end(Sha1 *c, unsigned char out[20])
{
    uint64_t bits = c->len * 8;
    unsigned char pad = 0x80, zero = 0, lenb[8];
    sha1_add(c, &pad, 1);
    while (c->nbuf != 56) sha1_add(c, &zero, 1);
    for (int i = 0; i < 8; i++) lenb[i] = (unsigned char)(bits >> (56 - 8 * i));
    sha1_add(c, lenb, 8);
    for (int i = 0; i < 5; i++)
        for (int j = 0; j < 4; j++) out[4 * i + j] = (unsigned char)(c->h[i] >> (24 - 8 * j));
}

static int hexval(char ch)
{
    if (ch >= '0' && ch <= '9') return ch - '0';
    if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
    return -1;
}

void uuid_v5(const char *ns, const char *name, char out[37])
{
    unsigned char nsb[16] = {0}, h[20];
    int k = 0;
    for (const char *p = ns; *p && k < 32; p++) {
        int v = hexval(*p);
        if (v < 0) continue;
        nsb[k / 2] = (unsigned char)(nsb[k / 2] | (k % 2 ? v : v << 4));
        k++;
    }
    Sha1 c = {{0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0}, 0, {0}, 0};
    sha1_add(&c, nsb, 16);
    sha1_add(&c, name, strlen(name));
    sha1_end(&c, h);
    h[6] = (unsigned char)((h[6] & 0x0F) | 0x50);   /* version 5 */
    h[8] = (unsigned char)((h[8] & 0x3F) | 0x80);   /* RFC 4122 variant */
    snprintf(out, 37, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
             h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7], h[8], h[9], h[10], h[11], h[12], h[13], h[14], h[15]);
}
