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

// Whether a post is costed linearly (every salary in it stays at or above the NI threshold): the
// same products, in the same order, as the Swift formula they replace.
static inline int msc_costed_linearly(const msc_post_sums *sums, size_t index) {
    return sums->salary[index] * sums->smallestPaidShare[index] * sums->smallestGrowth >= sums->niThreshold;
}

// The year a post's funding ends, held to its years in the horizon (min(max(drawn, first), last),
// as the Swift formula held it), written out for the caller.
static inline long msc_post_end(const msc_post_sums *sums, size_t index) {
    const long first = sums->activeStart[index], last = sums->activeEnd[index], drawn = sums->endYear[index];
    const long atLeastFirst = drawn > first ? drawn : first;
    const long end = atLeastFirst < last ? atLeastFirst : last;
    sums->end[index] = end;
    return end;
}

// What one post adds to a bucket: its cost sums when it is costed linearly (a post costed year
// by year adds none), its effect base, and itself.
typedef struct {
    int linear;
    double salaryFTE, peopleBudget, people, effect;
} msc_post_terms;

static inline msc_post_terms msc_terms(const msc_post_sums *sums, size_t index) {
    const double people = sums->people[index];
    msc_post_terms terms = {msc_costed_linearly(sums, index), 0, 0, people, sums->effect[index]};
    terms.salaryFTE = sums->salary[index] * sums->paidFTE[index];
    terms.peopleBudget = people * sums->budget[index];
    return terms;
}

static inline void msc_run_add(msc_bucket_run *run, const msc_post_terms *terms) {
    if (terms->linear) {
        run->salaryFTE += terms->salaryFTE;
        run->peopleBudget += terms->peopleBudget;
        run->peopleCount += terms->people;
    }
    run->effect += terms->effect;
    run->posts += 1;
}

static inline void msc_bucket_add(const msc_post_sums *sums, long bucket, const msc_post_terms *terms) {
    if (terms->linear) {
        sums->salaryFTE[bucket] += terms->salaryFTE;
        sums->peopleBudget[bucket] += terms->peopleBudget;
        sums->peopleCount[bucket] += terms->people;
    }
    sums->effectBase[bucket] += terms->effect;
    sums->postCount[bucket] += 1;
}

size_t msc_sum_posts(const msc_post_sums *sums) {
    msc_bucket_run all = {-1, 0, 0, 0, 0, 0}, ended = {-1, 0, 0, 0, 0, 0};
    size_t exact = 0;
    for (size_t index = 0; index < sums->posts; index++) {
        const long group = sums->group[index], end = msc_post_end(sums, index);
        const int lapses = end < sums->activeEnd[index];
        const msc_post_terms terms = msc_terms(sums, index);
        // Someone's pay dips below the NI threshold: the caller costs this post year by year.
        if (!terms.linear) sums->exactPosts[exact++] = (long)index;
        msc_run_move(&all, group * sums->bucketsPerGroup + sums->years, sums);
        msc_run_add(&all, &terms);
        if (sums->endedAlike) {
            // The "ended" run moves only when the group changes: every sum stays in a register.
            // Posts funded to their last year share the first unread bucket.
            msc_run_move(&ended, lapses ? group * sums->bucketsPerGroup + end : sums->unreadBucket, sums);
            msc_run_add(&ended, &terms);
        } else {
            // Where posts' funding ends falls either way at random: a run of "ended" sums would
            // break, a branch mispredicted, at nearly every post. They are added straight to
            // their buckets instead, with no branch; posts funded to their last year take the
            // unread buckets in turn, so that one post's addition does not wait on the last.
            const long lapsed = group * sums->bucketsPerGroup + end;
            const long unread = sums->unreadBucket + (long)(index % MSC_UNREAD_BUCKETS);
            msc_bucket_add(sums, __builtin_unpredictable(lapses) ? lapsed : unread, &terms);
        }
    }
    msc_run_store(&all, sums);
    msc_run_store(&ended, sums);
    return exact;
}
