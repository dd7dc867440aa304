// A named-entity tagger for English: a greedy averaged perceptron over hashed
// features, trained by scripts/train-ner (see data/models/README.md) and used
// beside the rules of entity_scan.cpp where it judges better than they do.
// The features here and in scripts/train-ner must stay byte for byte the same.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <unordered_map>
#include <vector>

#include "indexer/extract/entity_tokens.h"

namespace newsdesk::entities {

enum class NerType : std::uint8_t { person = 1, organisation = 2, place = 3 };

// Tokens [first, last) of one tokenised text are a name of `type`. `confidence`
// is the least probability of a tag inside the span (a softmax of the scores at
// the temperature scripts/train-ner calibrated on held-out sentences).
struct NerSpan {
    std::size_t first = 0;
    std::size_t last = 0;
    NerType type = NerType::person;
    float confidence = 0;

    friend bool operator==(const NerSpan&, const NerSpan&) = default;
};

class NerModel {
  public:
    // Reads the weights file and the gazetteer lists of data_dir() the model was
    // trained with. Throws newsdesk::Error "PATH: reason" when the file is
    // missing, short or not a weights file.
    explicit NerModel(const std::filesystem::path& weights);

    // The model of data/models/ner-en.bin, loaded once (thread-safe); throws as above.
    [[nodiscard]] static const NerModel& english();

    // The names among `tokens` (as entities::tokenize cuts a text), left to right.
    [[nodiscard]] std::vector<NerSpan> tag(const std::vector<Token>& tokens) const {
        return tag(tokens, 0, tokens.size());
    }
    // The names among tokens [first, last), read as one sentence (the model was
    // trained on sentences); spans index `tokens`.
    [[nodiscard]] std::vector<NerSpan> tag(const std::vector<Token>& tokens, std::size_t first,
                                           std::size_t last) const;

  private:
    void load_gazetteers();
    [[nodiscard]] const std::string& word_class(const std::string& norm) const;

    std::uint32_t m_buckets = 0;
    float m_scale = 0;        // a weight is its int16 times this
    float m_temperature = 1;  // softmax(score / temperature) is calibrated on held-out text
    std::vector<std::int16_t> m_weights;  // m_buckets x 7 tags
    std::unordered_map<std::string, std::string> m_classes;  // lower-case word -> "given", "place", ...
};

}  // namespace newsdesk::entities
