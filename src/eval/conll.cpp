// CoNLL-2003 NER scoring with the conlleval conventions, on text rebuilt the way the peer
// measurement rebuilds it (so that the figures compare).
#include <algorithm>
#include <chrono>
#include <optional>

#include "eval/eval.hpp"
#include "text/text.hpp"

namespace nkg::eval {

namespace {

const std::set<std::string>& attach_left() {
  static const std::set<std::string> s{",", ".", ":", ";", "!", "?", ")", "]", "}", "%", "...", "'s", "'S", "n't",
                                       "N'T", "'re", "'RE", "'ve", "'VE", "'ll", "'LL", "'d", "'D", "'m", "'M"};
  return s;
}

std::uint32_t count_cp(std::string_view s) {
  std::uint32_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0U) != 0x80U ? 1U : 0U;
  return n;
}

std::string type_of(const std::string& tag) { return tag.size() > 2 ? tag.substr(2) : std::string(); }

}  // namespace

Result<std::vector<ConllDocument>> parse_conll(std::string_view text, const std::string& name) {
  std::vector<ConllDocument> docs;
  ConllSentence sentence;
  std::uint64_t line_no = 0;
  auto end_sentence = [&] {
    if (sentence.empty()) return;
    if (docs.empty()) docs.emplace_back();
    docs.back().push_back(std::move(sentence));
    sentence.clear();
  };
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      end_sentence();
      continue;
    }
    if (line.rfind("-DOCSTART-", 0) == 0) {
      end_sentence();
      docs.emplace_back();
      continue;
    }
    const std::size_t first_space = line.find(' ');
    const std::size_t last_space = line.rfind(' ');
    if (first_space == std::string_view::npos || first_space == 0) {
      return Status{StatusCode::bad_input, "expected 'word POS chunk NER'", {name, line_no, 1}};
    }
    const std::string tag(line.substr(last_space + 1));
    if (tag != "O" && (tag.size() < 3 || (tag[0] != 'I' && tag[0] != 'B') || tag[1] != '-')) {
      return Status{StatusCode::bad_input, "bad NER tag '" + tag + "'", {name, line_no, last_space + 2}};
    }
    ConllToken token{std::string(line.substr(0, first_space)), tag, {}, {}};
    // The middle columns: POS and chunk tags (four-column files).
    const std::string_view middle = first_space < last_space ? line.substr(first_space + 1, last_space - first_space - 1)
                                                             : std::string_view();
    if (const std::size_t space = middle.find(' '); space != std::string_view::npos) {
      token.pos = std::string(middle.substr(0, space));
      token.chunk = std::string(middle.substr(space + 1));
    } else {
      token.pos = std::string(middle);
    }
    sentence.push_back(std::move(token));
  }
  end_sentence();
  docs.erase(std::remove_if(docs.begin(), docs.end(), [](const ConllDocument& d) { return d.empty(); }), docs.end());
  return docs;
}

RebuiltText rebuild_text(const ConllDocument& doc) {
  RebuiltText out;
  std::uint32_t cp = 0;
  std::string previous;
  for (std::size_t si = 0; si < doc.size(); ++si) {
    if (si > 0) {
      out.text += '\n';
      ++cp;
    }
    bool open_quote = false;
    bool glue_next = true;
    out.token_spans.emplace_back();
    for (const ConllToken& tok : doc[si]) {
      const std::string& w = tok.word;
      bool space = !glue_next;
      bool glue_after = false;
      if (w == "\"") {
        if (open_quote) space = false; else glue_after = true;
        open_quote = !open_quote;
      } else if (attach_left().count(w) != 0) {
        space = false;
      } else if (w == "'" && !previous.empty() && std::isalnum(static_cast<unsigned char>(previous.back())) != 0) {
        space = false;
      }
      if (w == "(" || w == "[" || w == "{" || w == "$" || w == "#") glue_after = true;
      if (space) {
        out.text += ' ';
        ++cp;
      }
      const std::uint32_t n = count_cp(w);
      out.token_spans.back().emplace_back(cp, cp + n);
      out.text += w;
      cp += n;
      previous = w;
      glue_next = glue_after;
    }
  }
  return out;
}

std::vector<Chunk> chunks_of(const ConllDocument& doc) {
  std::vector<Chunk> out;
  for (std::size_t s = 0; s < doc.size(); ++s) {
    std::string current;
    for (std::size_t t = 0; t < doc[s].size(); ++t) {
      const std::string& tag = doc[s][t].tag;
      const std::string type = type_of(tag);
      if (tag == "O") {
        current.clear();
        continue;
      }
      if (tag[0] == 'B' || type != current) {
        out.push_back({s, t, t + 1, type});
        current = type;
      } else {
        out.back().end = t + 1;
      }
    }
  }
  return out;
}

std::string normalize_country(std::string_view s) {
  std::string ascii = text::to_ascii(s);
  std::string out;
  bool space = false;
  for (const char ch : ascii) {
    const auto c = static_cast<unsigned char>(ch);
    if (ch == '.') continue;
    if (std::isspace(c) != 0) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(std::tolower(c));
  }
  if (out.rfind("the ", 0) == 0) out.erase(0, 4);
  return out;
}

ConllReport score_conll(const Pipeline& pipeline, const std::vector<ConllDocument>& docs,
                        const std::set<std::string>& countries, int runs) {
  ConllReport report;
  report.documents = docs.size();
  std::vector<RebuiltText> texts;
  std::vector<Document> documents;
  for (std::size_t i = 0; i < docs.size(); ++i) {
    texts.push_back(rebuild_text(docs[i]));
    report.bytes += texts.back().text.size();
    auto d = pipeline.make_document("conll-" + std::to_string(i), texts.back().text);
    documents.push_back(d.ok() ? std::move(d).value() : Document{});
  }
  std::vector<Analysis> analyses(documents.size());
  std::vector<double> seconds;
  for (int run = 0; run <= std::max(runs, 1); ++run) {  // run 0 is the warm-up
    const auto start = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < documents.size(); ++i) analyses[i] = pipeline.analyze(documents[i]);
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    if (run > 0) seconds.push_back(took.count());
  }
  std::sort(seconds.begin(), seconds.end());
  report.seconds_median = seconds.size() % 2 == 1 ? seconds[seconds.size() / 2]
                                                   : (seconds[seconds.size() / 2 - 1] + seconds[seconds.size() / 2]) / 2;

  for (std::size_t i = 0; i < docs.size(); ++i) {
    const RebuiltText& rt = texts[i];
    auto chunk_text = [&](const Chunk& c) {
      std::string out;
      for (std::size_t t = c.begin; t < c.end; ++t) {
        if (t > c.begin) out += ' ';
        out += docs[i][c.sentence][t].word;
      }
      return out;
    };
    // Token boundaries: code point -> (sentence, token).
    std::map<std::uint32_t, std::pair<std::size_t, std::size_t>> starts;
    std::map<std::uint32_t, std::pair<std::size_t, std::size_t>> ends;
    for (std::size_t s = 0; s < rt.token_spans.size(); ++s) {
      for (std::size_t t = 0; t < rt.token_spans[s].size(); ++t) {
        starts[rt.token_spans[s][t].first] = {s, t};
        ends[rt.token_spans[s][t].second] = {s, t};
      }
    }
    std::vector<Chunk> predicted;
    for (const Mention& m : analyses[i].mentions) {
      std::string type;
      if (m.kind == EntityKind::person && m.is_name) type = "PER";
      if (m.kind == EntityKind::organization && m.is_name) type = "ORG";
      if (m.kind == EntityKind::state &&
          (m.rule == "state-name" || m.rule == "capital-as-government" || m.rule == "seat-of-government")) {
        type = "LOC";
      }
      if (m.kind == EntityKind::place && m.is_name) type = "LOC";
      if (type.empty()) continue;
      const auto b = starts.find(m.span.begin_cp);
      const auto e = ends.find(m.span.end_cp);
      if (b == starts.end() || e == ends.end() || b->second.first != e->second.first) {
        // Not on token boundaries: counts as a wrong span.
        report.by_type[type].fp += 1;
        ++report.top_fp[type][m.surface];
        continue;
      }
      predicted.push_back({b->second.first, b->second.second, e->second.second + 1, type});
    }
    // Overlapping predictions: the longest, then the earliest, wins.
    std::sort(predicted.begin(), predicted.end(), [](const Chunk& a, const Chunk& b) {
      const std::size_t la = a.end - a.begin;
      const std::size_t lb = b.end - b.begin;
      return std::tie(a.sentence, lb, a.begin) < std::tie(b.sentence, la, b.begin);
    });
    std::vector<Chunk> kept;
    for (const Chunk& c : predicted) {
      const bool overlaps = std::any_of(kept.begin(), kept.end(), [&](const Chunk& k) {
        return k.sentence == c.sentence && k.begin < c.end && c.begin < k.end;
      });
      if (!overlaps) kept.push_back(c);
    }
    const std::vector<Chunk> gold = chunks_of(docs[i]);
    const std::set<Chunk> gold_set(gold.begin(), gold.end());
    const std::set<Chunk> kept_set(kept.begin(), kept.end());
    for (const std::string type : {"PER", "ORG", "LOC"}) {
      for (const Chunk& c : kept) {
        if (c.type != type) continue;
        const bool hit = gold_set.count(c) != 0;
        (hit ? report.by_type[type].tp : report.by_type[type].fp) += 1;
        if (!hit) ++report.top_fp[type][chunk_text(c)];
        if (type == "LOC" && countries.count(normalize_country(chunk_text(c))) != 0) {
          (hit ? report.by_type["LOC-country"].tp : report.by_type["LOC-country"].fp) += 1;
        }
      }
      for (const Chunk& c : gold) {
        if (c.type != type || kept_set.count(c) != 0) continue;
        report.by_type[type].fn += 1;
        ++report.top_fn[type][chunk_text(c)];
        if (type == "LOC" && countries.count(normalize_country(chunk_text(c))) != 0) report.by_type["LOC-country"].fn += 1;
      }
    }
  }
  return report;
}

namespace {

/// Noun-phrase chunks of one sentence as [begin, end) pairs, from IOB1 chunk tags.
std::set<std::pair<std::size_t, std::size_t>> gold_noun_phrases(const ConllSentence& sentence) {
  std::set<std::pair<std::size_t, std::size_t>> out;
  std::optional<std::size_t> begin;
  auto close = [&](std::size_t end) {
    if (begin) out.emplace(*begin, end);
    begin.reset();
  };
  for (std::size_t t = 0; t < sentence.size(); ++t) {
    const std::string& c = sentence[t].chunk;
    const bool inside = c == "I-NP" || c == "B-NP";
    if (!inside || c == "B-NP") close(t);
    if (inside && !begin) begin = t;
  }
  close(sentence.size());
  return out;
}

}  // namespace

SyntaxReport score_syntax(const syntax::Syntax& syntax, const std::vector<ConllDocument>& docs) {
  SyntaxReport report;
  for (const ConllDocument& doc : docs) {
    for (const ConllSentence& sentence : doc) {
      std::vector<std::string> words;
      words.reserve(sentence.size());
      for (const ConllToken& t : sentence) words.push_back(t.word);
      const std::vector<syntax::Tag> tags = syntax.tag(words);
      for (std::size_t i = 0; i < sentence.size(); ++i) {
        const auto gold = syntax::parse_tag(sentence[i].pos);
        ++report.tokens;
        // CoNLL writes both quotation marks as '"': either quotation tag is right for it.
        const bool quote = sentence[i].pos == "\"" && (tags[i] == syntax::Tag::OPEN_QUOTE || tags[i] == syntax::Tag::CLOSE_QUOTE);
        if ((gold && *gold == tags[i]) || quote) {
          ++report.tags_right;
        } else {
          const std::string key = sentence[i].pos + "->" + std::string(syntax::tag_name(tags[i]));
          ++report.confusions[key];
          ++report.confused_words[key][sentence[i].word];
        }
      }
      std::set<std::pair<std::size_t, std::size_t>> predicted;
      for (const syntax::Chunk& c : syntax.chunk(words, tags)) {
        if (c.kind == syntax::ChunkKind::noun_phrase) predicted.emplace(c.begin, c.end);
      }
      const auto gold = gold_noun_phrases(sentence);
      for (const auto& p : predicted) (gold.count(p) != 0 ? report.noun_phrases.tp : report.noun_phrases.fp) += 1;
      for (const auto& g : gold) report.noun_phrases.fn += predicted.count(g) == 0 ? 1U : 0U;
    }
  }
  return report;
}

}  // namespace nkg::eval
