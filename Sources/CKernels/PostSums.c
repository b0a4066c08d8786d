#include "CKernels.h"

// The running sums of one bucket while consecutive posts add to it. Moving to another bucket
// stores these and loads that bucket's, so every bucket receives exactly the additions, in exactly
// the order, it would receive one post at a time; in between, the sums stay in registers, with no
// store and load from one post's addition to the next. Consecutive posts mostly add to the same
// buckets: every post of a group to its "all posts" one, and a national grant's posts, which lapse
// together, to one "ended" one. An "all posts" bucket and an "ended" one are never the same slot.
typedef struct {
    long index;
    double salaryFTE, peopleBudget, peopleCount, effect, posts;
} msc_bucket_run;

static inline void msc_run_store(const msc_bucket_run *run, const msc_post_sums *sums) {
    if (run->index < 0) return;
    sums->salaryFTE[run->index] = run->salaryFTE;
    sums->peopleBudget[run->index] = run->peopleBudget;
    sums->peopleCount[run->index] = run->peopleCount;
    sums->effectBase[run->index] = run->effect;
    sums->postCount[run->index] = run->posts;
}

static inline void msc_run_move(msc_bucket_run *run, long bucket, const msc_post_sums *sums) {
    if (bucket == run->index) return;
    msc_run_store(run, sums);
    run->index = bucket;
    run->salaryFTE = sums->salaryFTE[bucket];
    run->peopleBudget = sums->peopleBudget[bucket];
    run->peopleCount = sums->peopleCount[bucket];
    run->effect = sums->effectBase[bucket];
    run->posts = sums->postCount[bucket];
}

size_t msc_sum_posts(const msc_post_sums *sums) {
    msc_bucket_run all = {-1, 0, 0, 0, 0, 0}, ended = {-1, 0, 0, 0, 0, 0};
    size_t exact = 0;
    for (size_t index = 0; index < sums->posts; index++) {
        const long group = sums->group[index];
        const long first = sums->activeStart[index], last = sums->activeEnd[index];
        const long drawn = sums->endYear[index];
        // min(max(drawn, first), last), as the Swift formula holds it.
        const long atLeastFirst = drawn > first ? drawn : first;
        const long end = atLeastFirst < last ? atLeastFirst : last;
        sums->end[index] = end;
        msc_run_move(&all, group * sums->bucketsPerGroup + sums->years, sums);
        msc_run_move(&ended, end < last ? group * sums->bucketsPerGroup + end : sums->unreadBucket, sums);
        const double salary = sums->salary[index], people = sums->people[index];
        // The same products, in the same order, as the Swift formula they replace.
        if (salary * sums->smallestPaidShare[index] * sums->smallestGrowth >= sums->niThreshold) {
            const double salaryFTE = salary * sums->paidFTE[index], peopleBudget = people * sums->budget[index];
            all.salaryFTE += salaryFTE;
            all.peopleBudget += peopleBudget;
            all.peopleCount += people;
            ended.salaryFTE += salaryFTE;
            ended.peopleBudget += peopleBudget;
            ended.peopleCount += people;
        } else {
            // Someone's pay dips below the NI threshold: the caller costs this post year by year.
            sums->exactPosts[exact++] = (long)index;
        }
        const double effect = sums->effect[index];
        all.effect += effect;
        all.posts += 1;
        ended.effect += effect;
        ended.posts += 1;
    }
    msc_run_store(&all, sums);
    msc_run_store(&ended, sums);
    return exact;
}
