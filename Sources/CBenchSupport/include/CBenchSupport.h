#ifndef MSC_CBENCHSUPPORT_H
#define MSC_CBENCHSUPPORT_H

/// Holds the calling thread to CPU `cpu`, or lets it run on any CPU when `cpu` is negative
/// (sched_setaffinity, which Swift's Glibc module does not show). Returns 0 on success.
int msc_bench_hold_thread_to_cpu(int cpu);

/// The CPUs online.
int msc_bench_cpu_count(void);

#endif
