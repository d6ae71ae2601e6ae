// Noun groups, clauses and reports over the chunks of a document (see syntax.hpp for the model).
#include <algorithm>

#include "syntax/chunker.hpp"

namespace nkg::syntax::detail {

namespace {

/// A span of words that a subject search jumps over: an apposition or a relative clause set off
/// by commas ("Anne Boillon, France's ambassador, said"; "the envoy, who was summoned, left").
struct Skip {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

/// Word -> the chunk that starts there and the group that covers it (-1: none), so that no
/// rule searches the chunks or groups of a sentence (linear in the text, however long a sentence).
struct WordIndex {
  std::vector<std::int32_t> chunk_starting;
  std::vector<std::int32_t> group_covering;
};

class SentenceClauses {
 public:
  SentenceClauses(Parse& p, WordIndex& index, const FunctionWords& fw, const SentenceRange& s,
                  std::uint32_t first_chunk, std::uint32_t end_chunk)
      : p_(p), index_(index), fw_(fw), s_(s), first_chunk_(first_chunk), end_chunk_(end_chunk) {}

  void run() {
    build_groups();
    find_relatives();
    for (std::uint32_t c = first_chunk_; c < end_chunk_; ++c) {
      if (p_.chunks[c].kind == ChunkKind::verb_group) build_clause(c);
    }
  }

 private:
  [[nodiscard]] const Word& word(std::uint32_t i) const { return p_.words[i]; }
  [[nodiscard]] bool in_sentence(std::uint32_t i) const { return i >= s_.first_word && i < s_.end_word; }
  [[nodiscard]] bool is_comma(std::uint32_t i) const { return in_sentence(i) && word(i).tag == Tag::COMMA; }

  /// The chunk that starts at word i, if any.
  [[nodiscard]] std::optional<std::uint32_t> chunk_starting_at(std::uint32_t i) const {
    if (!in_sentence(i) || index_.chunk_starting[i] < 0) return std::nullopt;
    return static_cast<std::uint32_t>(index_.chunk_starting[i]);
  }
  [[nodiscard]] std::optional<std::uint32_t> noun_phrase_at(std::uint32_t i) const {
    const auto c = chunk_starting_at(i);
    if (c && p_.chunks[*c].kind == ChunkKind::noun_phrase) return c;
    return std::nullopt;
  }
  /// The group that covers word i.
  [[nodiscard]] std::optional<std::uint32_t> group_covering(std::uint32_t i) const {
    if (!in_sentence(i) || index_.group_covering[i] < 0) return std::nullopt;
    return static_cast<std::uint32_t>(index_.group_covering[i]);
  }
  [[nodiscard]] std::optional<std::uint32_t> group_starting_at(std::uint32_t i) const {
    const auto g = group_covering(i);
    if (g && p_.groups[*g].begin == i) return g;
    return std::nullopt;
  }

  /// A nominal: possessors and the phrase they own ("France 's new ambassador"), by chunk index
  /// of the owned phrase; `end` is one past its last word.
  struct Nominal {
    std::uint32_t chunk = 0;
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
  };
  [[nodiscard]] std::optional<Nominal> nominal_at(std::uint32_t i) const {
    auto c = noun_phrase_at(i);
    if (!c) return std::nullopt;
    Nominal n{*c, i, p_.chunks[*c].end};
    while (p_.chunks[n.chunk].is_possessive && n.chunk + 1 < end_chunk_ &&
           p_.chunks[n.chunk + 1].kind == ChunkKind::noun_phrase && p_.chunks[n.chunk + 1].begin == n.end) {
      ++n.chunk;
      n.end = p_.chunks[n.chunk].end;
    }
    return n;
  }
  [[nodiscard]] bool is_proper(const Nominal& n) const { return is_proper_noun(word(p_.chunks[n.chunk].head).tag); }
  [[nodiscard]] bool is_description(const Nominal& n) const {
    const Chunk& c = p_.chunks[n.chunk];
    return !c.is_pronoun && (is_noun(word(c.head).tag) && !is_proper_noun(word(c.head).tag));
  }
  [[nodiscard]] bool is_coordinator(std::uint32_t i) const {
    if (!in_sentence(i)) return false;
    const WordId w = word(i).lower;
    return word(i).tag == Tag::CC && (w == fw_.and_ || w == fw_.or_ || w == fw_.nor);
  }
  [[nodiscard]] bool verb_group_at(std::uint32_t i) const {
    const auto c = chunk_starting_at(i);
    return c && p_.chunks[*c].kind == ChunkKind::verb_group;
  }
  /// Prepositional phrases after a nominal ("head of the commission", "ambassador to France").
  [[nodiscard]] std::uint32_t past_prepositional_phrases(std::uint32_t i) const {
    while (in_sentence(i) && (word(i).tag == Tag::IN || word(i).tag == Tag::TO) && word(i).lower != fw_.that) {
      const auto n = nominal_at(i + 1);
      if (!n) break;
      i = n->end;
    }
    return i;
  }

  void add_group(NounGroup g) {
    const auto index = static_cast<std::int32_t>(p_.groups.size());
    for (std::uint32_t w = g.begin; w < g.end; ++w) index_.group_covering[w] = index;
    for (const std::uint32_t c : g.members) p_.group_of_chunk[c] = index;
    for (const std::uint32_t c : g.appositions) p_.group_of_chunk[c] = index;
    // Possessors belong to the group of what they own.
    for (std::uint32_t w = g.begin; w < g.end; ++w) {
      const std::int32_t c = index_.chunk_starting[w];
      if (c >= 0 && p_.chunks[static_cast<std::size_t>(c)].kind == ChunkKind::noun_phrase &&
          p_.group_of_chunk[static_cast<std::size_t>(c)] < 0) {
        p_.group_of_chunk[static_cast<std::size_t>(c)] = index;
      }
    }
    p_.groups.push_back(std::move(g));
  }

  void build_groups() {
    bool verb_seen = false;
    std::uint32_t i = s_.first_word;
    while (i < s_.end_word) {
      if (verb_group_at(i)) verb_seen = true;
      const auto first = nominal_at(i);
      if (!first) {
        ++i;
        continue;
      }
      NounGroup g;
      g.begin = first->begin;
      g.end = first->end;
      g.members.push_back(first->chunk);
      // Coordination: "Peru, Panama and Chile", "Peru and Chile".
      std::vector<Nominal> list{*first};
      std::uint32_t k = first->end;
      bool coordinated = false;
      while (true) {
        if (is_comma(k)) {
          if (const auto next = nominal_at(k + 1)) {
            list.push_back(*next);
            k = next->end;
            continue;
          }
          if (is_coordinator(k + 1)) ++k;  // the serial comma: "Peru, Panama, and Chile"
          else break;
        }
        if (is_coordinator(k)) {
          const auto next = nominal_at(k + 1);
          // "... summoned the envoy and France expelled ...": a subject of its own, not a list.
          if (next && !(verb_seen && verb_group_at(next->end))) {
            list.push_back(*next);
            g.conjunction = word(k).lower;
            k = next->end;
            coordinated = true;
          }
        }
        break;
      }
      // "Murat Nurtleu, Kazakhstan's deputy prime minister and top diplomat, urged": a name
      // followed by descriptions is one person with a coordinated apposition, not a list.
      if (coordinated && list.size() >= 3 && is_proper(list[0]) && is_comma(list[0].end) &&
          std::all_of(list.begin() + 1, list.end(), [&](const Nominal& n) { return is_description(n); })) {
        const std::uint32_t after = list.back().end;
        const bool closed = after >= s_.end_word || word(after).tag == Tag::COMMA || word(after).tag == Tag::PERIOD;
        if (closed) {
          for (std::size_t n = 1; n < list.size(); ++n) g.appositions.push_back(list[n].chunk);
          g.end = after;
          skips_.push_back({first->end, after + (is_comma(after) ? 1 : 0)});
          i = after;
          add_group(std::move(g));
          continue;
        }
      }
      if (coordinated) {
        g.members.clear();
        for (const Nominal& n : list) g.members.push_back(n.chunk);
        g.end = list.back().end;
        i = g.end;
        add_group(std::move(g));
        continue;
      }
      // Apposition: "Anne Boillon, France's ambassador, said"; "the ambassador, Anne Boillon,".
      if (list.size() >= 2 && !p_.chunks[first->chunk].is_pronoun) {
        const Nominal& second = list[1];
        const std::uint32_t after = past_prepositional_phrases(second.end);
        const bool closed = after >= s_.end_word || word(after).tag == Tag::COMMA || word(after).tag == Tag::PERIOD ||
                            word(after).tag == Tag::RIGHT_PAREN || word(after).tag == Tag::COLON;
        if (closed && ((is_proper(*first) && is_description(second)) || (is_description(*first) && is_proper(second)))) {
          g.appositions.push_back(second.chunk);
          g.end = after;
          skips_.push_back({first->end, after + (is_comma(after) ? 1 : 0)});
          i = after;
          add_group(std::move(g));
          continue;
        }
      }
      i = first->end;
      add_group(std::move(g));
    }
  }

  /// "the envoy, who was summoned", "the ministry which said": the relative's verb group -> group.
  void find_relatives() {
    for (std::uint32_t i = s_.first_word; i < s_.end_word; ++i) {
      const Word& w = word(i);
      const bool relative = (w.tag == Tag::WP || w.tag == Tag::WDT) &&
                            (w.lower == fw_.who || w.lower == fw_.which || w.lower == fw_.that || w.lower == fw_.whom);
      if (!relative || i == s_.first_word) continue;
      std::uint32_t before = i - 1;
      const bool comma = is_comma(before);
      if (comma && before > s_.first_word) --before;
      const auto g = group_covering(before);
      if (!g || p_.groups[*g].end != before + 1) continue;
      // The relative's verb group: the first one after the pronoun.
      std::uint32_t k = i + 1;
      while (k < s_.end_word && !verb_group_at(k)) {
        if (word(k).tag == Tag::COMMA || word(k).tag == Tag::PERIOD) break;
        ++k;
      }
      if (!verb_group_at(k)) continue;
      relatives_.push_back({*chunk_starting_at(k), *g, w.lower == fw_.whom || k != i + 1});
      if (comma) {
        // Set off by commas: up to the next comma, which a later subject search jumps over.
        std::uint32_t close = k;
        while (close < s_.end_word && word(close).tag != Tag::COMMA && word(close).tag != Tag::PERIOD) ++close;
        skips_.push_back({before + 1, close < s_.end_word && word(close).tag == Tag::COMMA ? close + 1 : close});
      }
    }
  }

  /// The group a subject search finds ending at word `k` (inclusive), walking over
  /// prepositional phrases attached to a noun ("the ambassador of France said").
  [[nodiscard]] std::optional<std::uint32_t> subject_ending_at(std::uint32_t k) const {
    auto g = group_covering(k);
    if (!g || p_.groups[*g].end != k + 1) return std::nullopt;
    while (true) {
      const std::uint32_t b = p_.groups[*g].begin;
      if (b < s_.first_word + 2) break;
      const Word& prep = word(b - 1);
      if ((prep.tag != Tag::IN && prep.tag != Tag::TO) || prep.lower == fw_.that) break;
      const auto owner = group_covering(b - 2);
      if (!owner || p_.groups[*owner].end != b - 1) break;
      g = owner;
    }
    return g;
  }

  /// The group with an apposition that ends at word i or is closed by the comma at word i.
  [[nodiscard]] std::optional<std::uint32_t> apposition_closed_by(std::uint32_t i) const {
    for (const std::uint32_t w : {i, i - 1}) {
      const auto g = group_covering(w);
      if (g && !p_.groups[*g].appositions.empty() && p_.groups[*g].end == w + 1) return g;
    }
    return std::nullopt;
  }
  /// A finite verb group starts at word i: the noun group before it is a subject of its own.
  [[nodiscard]] bool finite_verb_at(std::uint32_t i) const {
    const auto c = chunk_starting_at(i);
    return c && p_.chunks[*c].kind == ChunkKind::verb_group && p_.chunks[*c].tense != Tense::none;
  }

  void build_clause(std::uint32_t v) {
    const Chunk& vg = p_.chunks[v];
    Clause c;
    c.verb = v;
    // Subject: to the left.
    for (const Relative& r : relatives_) {
      if (r.verb == v) {
        c.relative_of = r.group;
        if (!r.pronoun_is_object) c.subject = r.group;
      }
    }
    if (!c.relative_of) {
      std::int64_t k = static_cast<std::int64_t>(vg.begin) - 1;
      while (k >= s_.first_word) {
        const auto ku = static_cast<std::uint32_t>(k);
        if (apposition_closed_by(ku)) break;
        const auto skip = std::find_if(skips_.begin(), skips_.end(), [&](const Skip& s) { return s.end == ku + 1; });
        if (skip != skips_.end() && skip->begin > s_.first_word) {
          k = static_cast<std::int64_t>(skip->begin) - 1;
          continue;
        }
        if (is_adverb(word(ku).tag)) {
          --k;
          continue;
        }
        break;
      }
      if (k >= s_.first_word) {
        const auto ku = static_cast<std::uint32_t>(k);
        if (const auto appositive = apposition_closed_by(ku)) {
          c.subject = appositive;  // "Anne Boillon, France's ambassador, was summoned"
        } else if (const auto g = subject_ending_at(ku)) {
          c.subject = g;
        } else if (is_coordinator(ku) && p_.clauses.size() > first_clause_) {
          // "X summoned the envoy and demanded ...": the second verb shares the first's subject.
          c.subject = p_.clauses.back().subject;
        }
        const bool after_quote = word(ku).tag == Tag::CLOSE_QUOTE ||
                                 (word(ku).tag == Tag::COMMA && ku > s_.first_word && word(ku - 1).tag == Tag::CLOSE_QUOTE);
        if (!c.subject && after_quote && vg.end - vg.begin == 1) {
          // "“…,” said X": the subject follows the verb.
          if (const auto after = group_starting_at(vg.end)) {
            c.subject = after;
            c.is_subject_inverted = true;
          }
        }
      }
    }
    // Objects and attachments: to the right, up to the next verb group.
    std::uint32_t i = vg.end;
    while (i < s_.end_word && word(i).tag == Tag::RP) ++i;
    if (c.is_subject_inverted && c.subject) i = p_.groups[*c.subject].end;
    if (!c.is_subject_inverted) {
      if (const auto g = group_starting_at(i)) {
        const Chunk& np = p_.chunks[p_.groups[*g].members.front()];
        const bool complementizer = np.end - np.begin == 1 && word(np.begin).lower == fw_.that;
        // "said Jones had won": Jones is the subject of the clause that follows, not an object.
        const bool clause_subject = finite_verb_at(p_.groups[*g].end);
        if (!complementizer && !clause_subject) {
          c.object = g;
          i = p_.groups[*g].end;
          if (const auto second = group_starting_at(i)) {
            c.second_object = second;
            i = p_.groups[*second].end;
          }
        }
      }
    }
    while (i < s_.end_word) {
      const Word& w = word(i);
      if (verb_group_at(i) || w.tag == Tag::PERIOD || w.tag == Tag::COLON) break;
      // The comma that closes an apposition of the object: "summoned Jan Kowalski, the envoy, over".
      if (w.tag == Tag::COMMA && c.object && !p_.groups[*c.object].appositions.empty() &&
          (p_.groups[*c.object].end == i || p_.groups[*c.object].end == i + 1)) {
        ++i;
        continue;
      }
      if ((w.tag == Tag::IN || w.tag == Tag::TO) && w.lower != fw_.that) {
        if (const auto g = group_starting_at(i + 1)) {
          c.attachments.push_back({w.lower, i, *g});
          if (w.lower == fw_.by && vg.voice == Voice::passive && !c.by_agent) c.by_agent = g;
          i = p_.groups[*g].end;
          continue;
        }
      }
      if (is_adverb(w.tag) || w.tag == Tag::RP) {
        ++i;
        continue;
      }
      if (const auto g = group_starting_at(i)) {
        // A bare time phrase ("on Friday" without "on", "last week") or a later argument.
        i = p_.groups[*g].end;
        continue;
      }
      break;
    }
    p_.clauses.push_back(std::move(c));
  }

  struct Relative {
    std::uint32_t verb = 0;   // chunk
    std::uint32_t group = 0;  // the group modified
    bool pronoun_is_object = false;  // "the envoy whom Paris expelled"
  };

  Parse& p_;
  WordIndex& index_;
  const FunctionWords& fw_;
  const SentenceRange& s_;
  std::uint32_t first_chunk_;
  std::uint32_t end_chunk_;

 public:
  std::uint32_t first_clause_ = 0;

 private:
  std::vector<Skip> skips_;
  std::vector<Relative> relatives_;
};

Span words_span(const Parse& p, std::uint32_t begin, std::uint32_t end) {
  return {p.words[begin].span.begin_cp, p.words[end - 1].span.end_cp};
}

/// Quotations: each opening mark with its closing one (a quotation may run over sentences).
std::vector<std::pair<std::uint32_t, std::uint32_t>> quotations(const Parse& p) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
  constexpr std::uint32_t none = UINT32_MAX;
  std::uint32_t open = none;
  for (std::uint32_t i = 0; i < p.words.size(); ++i) {
    if (p.words[i].tag == Tag::OPEN_QUOTE) open = i;
    if (p.words[i].tag == Tag::CLOSE_QUOTE && open != none) {
      if (i > open + 1) out.emplace_back(open, i);
      open = none;
    }
  }
  return out;
}

void build_reports(Parse& p, const WordIndex& index, const FunctionWords& fw) {
  // Word -> the quotation that closes or opens there.
  std::vector<std::int32_t> closing(p.words.size(), -1);
  std::vector<std::int32_t> opening(p.words.size(), -1);
  const auto quotes = quotations(p);
  for (std::size_t q = 0; q < quotes.size(); ++q) {
    closing[quotes[q].second] = static_cast<std::int32_t>(q);
    opening[quotes[q].first] = static_cast<std::int32_t>(q);
  }
  auto is_reporting = [&](WordId lemma) { return lemma < fw.is_reporting.size() && fw.is_reporting[lemma]; };
  for (std::uint32_t ci = 0; ci < p.clauses.size(); ++ci) {
    const Clause& c = p.clauses[ci];
    const Chunk& vg = p.chunks[c.verb];
    const Word& head = p.words[vg.head];
    if (!is_reporting(head.lemma) || vg.voice == Voice::passive || !c.subject) continue;
    const SentenceRange& s = p.sentences[head.sentence];
    Report r;
    r.speaker = c.subject;
    r.clause = ci;
    r.cue = vg.head;
    const std::uint32_t speaker_begin = p.groups[*c.subject].begin;
    const std::uint32_t left = std::min(speaker_begin, vg.begin);
    // “…,” X said / “…,” said X: a quotation that closes just before the clause.
    for (std::uint32_t close = left >= 2 ? left - 2 : 0; close < left; ++close) {
      if (closing[close] < 0) continue;
      const auto [open, end_mark] = quotes[static_cast<std::size_t>(closing[close])];
      bool only_punctuation = true;
      for (std::uint32_t k = close + 1; k < left; ++k) only_punctuation = only_punctuation && p.words[k].tag == Tag::COMMA;
      std::uint32_t end = end_mark;
      while (end > open + 1 && p.words[end - 1].tag == Tag::COMMA) --end;
      if (only_punctuation && end > open + 1) {  // a quotation of nothing but commas reports nothing
        r.content = words_span(p, open + 1, end);
        r.is_direct = true;
      }
    }
    // "told Reuters", "assured the envoy": the object of a verb of telling is the hearer.
    std::uint32_t after = vg.end;
    if (c.is_subject_inverted) after = p.groups[*c.subject].end;
    if (c.object && !c.is_subject_inverted && head.lemma < fw.hearer_object.size() && fw.hearer_object[head.lemma]) {
      r.addressee = c.object;
      after = p.groups[*c.object].end;
    }
    for (const Attachment& a : c.attachments) {
      if (a.preposition == fw.to && a.word == after) {
        r.addressee = a.group;
        after = p.groups[a.group].end;
      }
    }
    if (!r.is_direct) {
      // X said: “…”.
      std::uint32_t k = after;
      while (k < s.end_word && (p.words[k].tag == Tag::COMMA || p.words[k].tag == Tag::COLON)) ++k;
      if (k < p.words.size() && opening[k] >= 0) {
        const auto [open, close] = quotes[static_cast<std::size_t>(opening[k])];
        r.content = words_span(p, open + 1, close);
        r.is_direct = true;
      }
    }
    if (!r.is_direct) {
      // Indirect speech: the clause after the verb ("said (that) the talks had failed"); a verb
      // followed by punctuation ("“We will respond,” ...") has none.
      std::uint32_t k = after;
      if (k < s.end_word && p.words[k].lower == fw.that) ++k;
      if (k >= s.end_word || is_punctuation(p.words[k].tag)) continue;
      std::uint32_t end = s.end_word;
      for (std::uint32_t q = k; q < end; ++q) {
        if (p.words[q].tag == Tag::CLOSE_QUOTE || p.words[q].tag == Tag::OPEN_QUOTE) end = q;
      }
      while (end > k && is_punctuation(p.words[end - 1].tag)) --end;
      if (end <= k) continue;
      r.content = words_span(p, k, end);
    }
    p.reports.push_back(r);
  }
  // "according to X".
  for (std::uint32_t i = 0; i + 2 < p.words.size(); ++i) {
    if (p.words[i].lower != fw.according || p.words[i + 1].lower != fw.to) continue;
    const std::int32_t covering = index.group_covering[i + 2];
    if (covering < 0 || p.groups[static_cast<std::size_t>(covering)].begin != i + 2) continue;
    const std::optional<std::uint32_t> g = static_cast<std::uint32_t>(covering);
    const SentenceRange& s = p.sentences[p.words[i].sentence];
    Report r;
    r.speaker = g;
    r.cue = i;
    std::uint32_t begin = s.first_word;
    std::uint32_t end = s.end_word;
    if (i == s.first_word || (i == s.first_word + 1 && is_punctuation(p.words[s.first_word].tag))) {
      begin = p.groups[*g].end;
      while (begin < end && p.words[begin].tag == Tag::COMMA) ++begin;
    } else {
      end = i;
    }
    while (end > begin && is_punctuation(p.words[end - 1].tag)) --end;
    if (end <= begin) continue;
    r.content = words_span(p, begin, end);
    p.reports.push_back(r);
  }
  std::stable_sort(p.reports.begin(), p.reports.end(), [](const Report& a, const Report& b) { return a.cue < b.cue; });
}

}  // namespace

void build_clauses(Parse& parse, const FunctionWords& fw) {
  parse.group_of_chunk.assign(parse.chunks.size(), -1);
  WordIndex index;
  index.chunk_starting.assign(parse.words.size(), -1);
  index.group_covering.assign(parse.words.size(), -1);
  for (std::uint32_t c = 0; c < parse.chunks.size(); ++c) index.chunk_starting[parse.chunks[c].begin] = static_cast<std::int32_t>(c);
  std::uint32_t chunk = 0;
  for (const SentenceRange& s : parse.sentences) {
    const std::uint32_t first_chunk = chunk;
    while (chunk < parse.chunks.size() && parse.chunks[chunk].begin < s.end_word) ++chunk;
    SentenceClauses sentence(parse, index, fw, s, first_chunk, chunk);
    sentence.first_clause_ = static_cast<std::uint32_t>(parse.clauses.size());
    sentence.run();
  }
  build_reports(parse, index, fw);
}

}  // namespace nkg::syntax::detail
