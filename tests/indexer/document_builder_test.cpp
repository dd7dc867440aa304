// DocumentBuilder as the indexer's threads use it: a worker builds documents
// and hands them to a writer lane on another thread (indexer/write/pipeline.cpp,
// indexer/write/write_lane.cpp).
#include <deque>
#include <mutex>
#include <string>
#include <thread>

#include <gtest/gtest.h>
#include <xapian.h>

#include "indexer/document/document_builder.h"

namespace newsdesk {
namespace {

// A writer lane in miniature, as eager as one can be: it polls for the next
// document instead of sleeping, and copies each one a thousand times (as Xapian
// does when a database stores it), so it is holding a document at the moment
// the builder starts on the next one.
class Receiver {
  public:
    void hand_over(Xapian::Document&& doc) {
        std::lock_guard lock(m_mutex);
        m_queue.push_back(std::move(doc));
    }
    void finish() {
        std::lock_guard lock(m_mutex);
        m_done = true;
    }
    void run() {
        for (;;) {
            Xapian::Document doc;
            {
                std::lock_guard lock(m_mutex);
                if (m_queue.empty()) {
                    if (m_done) return;
                    continue;
                }
                doc = std::move(m_queue.front());
                m_queue.pop_front();
            }
            for (std::size_t copy = 0; copy < kCopies; ++copy) {
                Xapian::Document kept = doc;
                copies_with_terms += kept.termlist_count() > 0;
            }
        }
    }
    static constexpr std::size_t kCopies = 1000;
    std::size_t copies_with_terms = 0;

  private:
    std::mutex m_mutex;
    std::deque<Xapian::Document> m_queue;
    bool m_done = false;
};

// Xapian's handles count references without atomics, so a document is safe on
// another thread only if the builder keeps no reference to it. It kept one (its
// TermGenerator's) until the next build, and newsdesk-index crashed or hung
// building a database from thousands of small files. A race shows here as a
// crash, a hang or a wrong count: a corrupted reference count frees a document
// still in use, or never frees it.
TEST(DocumentBuilder, DocumentsCanBeHandedToAnotherThreadAsSoonAsTheyAreBuilt) {
    constexpr std::size_t kDocuments = 30000;
    Receiver receiver;
    std::thread lane([&] { receiver.run(); });
    DocumentBuilder builder;
    Article brief;
    brief.language = "en";
    for (std::size_t i = 0; i < kDocuments; ++i) {
        brief.id = "brief-" + std::to_string(i);
        brief.headline = "Ferry service resumes";
        brief.body = "The harbour master said the ferry would sail again on day " + std::to_string(i) + ".";
        receiver.hand_over(builder.build(brief));
    }
    receiver.finish();
    lane.join();
    EXPECT_EQ(receiver.copies_with_terms, Receiver::kCopies * kDocuments);
}

}  // namespace
}  // namespace newsdesk
