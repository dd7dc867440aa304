// Pseudo-relevance feedback: a question typed as a sentence names its subject
// in a few words, and the articles it ranks first name it in many more. The
// most informative words of those first articles (Xapian's ESet over them)
// reweigh the articles the question already matched; they never add matches,
// so counts and facets stay those of the words typed.
#pragma once

#include <cstddef>

#include <xapian.h>

namespace newsdesk {

struct FeedbackSettings {
    Xapian::doccount documents = 0;  // top articles read; 0: no feedback
    Xapian::termcount terms = 0;     // words taken from them
    double weight = 0;               // their share of the weight, against the query's 1
};

// What sentence queries get (parse_user_query read the words as any of them,
// and there are at least kFeedbackMinWords): measured on the 42 TIME
// development questions (README, "Ranking"), 5 articles, 10 words at 0.15 took
// MAP from 0.623 to 0.644 and nDCG@10 from 0.697 to 0.713; the settings around
// it (3-8 articles, 5-15 words, 0.05-0.2) all scored 0.62-0.64, and a weight
// of 0.3 or more, or 40 words, lowered MAP. Keyword queries of up to three
// words are left alone.
inline constexpr FeedbackSettings kSentenceFeedback{5, 10, 0.15};
inline constexpr std::size_t kFeedbackMinWords = 4;

// `query` with the words of its first `settings.documents` articles (ranked
// with `weighting`) ORed in at `settings.weight`, each by its ESet weight, as
// OP_AND_MAYBE; `query` itself when it matches nothing or the setting is off.
// Only body and headline words (stemmed or not) of three letters or more are
// taken, never a filter term, a stopword of `stopper` (if any) or one of the
// query's own terms.
[[nodiscard]] Xapian::Query with_feedback(const Xapian::Database& db, const Xapian::Query& query,
                                          const Xapian::Weight& weighting, const FeedbackSettings& settings,
                                          const Xapian::Stopper* stopper = nullptr);

}  // namespace newsdesk
