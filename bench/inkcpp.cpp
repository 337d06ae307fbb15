// bench/inkcpp.cpp - the inkcpp side of the benchmark: the same load and random walk as
// bench/ink.js, on the story converted to inkcpp's binary by its own inkcpp_cl.
//
//   inkcpp load STORY.bin                  load the story up to its first line; prints ms
//   inkcpp walk STORY.bin CHOICES [SEED]   random walk; prints choices per second
//
// The walk reads all text between choices (getline, like inkjs's Continue), chooses at
// random with the xorshift64 of bench/ink.js and explore, and starts again with fresh
// globals and a fresh runner at an ending (inkcpp has no ResetState). Built by bench/run.sh
// when make bench is given INKCPP=DIR (a source checkout of github.com/JBenda/inkcpp).
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>

#include <globals.h>
#include <runner.h>
#include <story.h>

using namespace ink::runtime;

static double now_ms()
{
    using namespace std::chrono;
    return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

int main(int argc, char **argv)
{
    if (argc < 3 || (strcmp(argv[1], "load") != 0 && strcmp(argv[1], "walk") != 0)) {
        fprintf(stderr, "usage: inkcpp load|walk STORY.bin [CHOICES [SEED]]\n");
        return 2;
    }
    if (strcmp(argv[1], "load") == 0) {
        double t0 = now_ms();
        std::unique_ptr<story> ink{story::from_file(argv[2])};
        globals g = ink->new_globals();
        runner r = ink->new_runner(g);
        if (!r->can_continue()) return 1;
        double t1 = now_ms();
        printf("load_ms %.2f\n", t1 - t0);
        return 0;
    }
    if (argc < 4) return 2;
    long want = atol(argv[3]);
    uint64_t x = (uint64_t)atol(argc > 4 ? argv[4] : "1") * 2654435761ull + 88172645463325252ull;
    std::unique_ptr<story> ink{story::from_file(argv[2])};
    globals g = ink->new_globals();
    runner r = ink->new_runner(g);
    long choices = 0, endings = 0;
    unsigned long long chars = 0;
    double t0 = now_ms();
    while (choices < want) {
        while (r->can_continue()) chars += r->getline().size();
        size_t n = r->num_choices();
        if (n == 0) {
            endings++;
            g = ink->new_globals();
            r = ink->new_runner(g);
            continue;
        }
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        r->choose((size_t)(x % n));
        choices++;
    }
    double secs = (now_ms() - t0) / 1e3;
    printf("choices %ld endings %ld chars %llu per_second %.0f\n", choices, endings, chars, choices / secs);
    return 0;
}
