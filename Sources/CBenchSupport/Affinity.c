#ifdef __linux__
#define _GNU_SOURCE
#include <sched.h>
#include <unistd.h>
#endif
#include "CBenchSupport.h"

#ifdef __linux__

int msc_bench_cpu_count(void) {
    long count = sysconf(_SC_NPROCESSORS_ONLN);
    return count > 0 ? (int)count : 1;
}

int msc_bench_hold_thread_to_cpu(int cpu) {
    cpu_set_t set;
    CPU_ZERO(&set);
    int count = msc_bench_cpu_count();
    for (int index = 0; index < count; index++) {
        if (cpu < 0 || cpu == index) CPU_SET(index, &set);
    }
    return sched_setaffinity(0, sizeof set, &set);
}
#else
// Elsewhere a thread cannot be held to a CPU this way: the bench then times every CPU together only.
int msc_bench_cpu_count(void) { return 1; }
int msc_bench_hold_thread_to_cpu(int cpu) { (void)cpu; return -1; }
#endif
