#include "syntax/chunker.hpp"

#include <algorithm>

namespace nkg::syntax::detail {

FunctionWords::FunctionWords(Vocabulary& v)
    : not_(v.add("not")), nt(v.add("n't")), never(v.add("never")), be(v.add("be")), get(v.add("get")),
      will(v.add("will")), shall(v.add("shall")), ll(v.add("'ll")), wo(v.add("wo")), ca(v.add("ca")),
      can(v.add("can")), d(v.add("'d")), would(v.add("would")), to(v.add("to")), by(v.add("by")),
      that(v.add("that")), according(v.add("according")), who(v.add("who")), which(v.add("which")),
      whom(v.add("whom")), and_(v.add("and")), or_(v.add("or")), nor(v.add("nor")) {}

namespace {

bool is_np_modifier(Tag t) {
  return is_adjective(t) || is_noun(t) || t == Tag::CD || t == Tag::VBG || t == Tag::VBN;
}
/// A word that can end a noun phrase.
bool is_np_head(Tag t) {
  return is_noun(t) || t == Tag::CD || t == Tag::PRP || t == Tag::EX || t == Tag::WP || t == Tag::WDT;
}
bool is_np_start(Tag t) {
  return t == Tag::DT || t == Tag::POS || t == Tag::PDT || t == Tag::PRP_S || t == Tag::WP_S || is_adjective(t) || is_noun(t) ||
         t == Tag::CD || t == Tag::PRP || t == Tag::EX || t == Tag::WP || t == Tag::WDT || t == Tag::DOLLAR ||
         t == Tag::HASH;
}
bool is_negation(const Word& w, const FunctionWords& fw) { return w.lower == fw.not_ || w.lower == fw.nt || w.lower == fw.never; }

/// Ends a noun phrase that starts at `begin` (words are of one sentence); returns one past its end.
std::uint32_t scan_noun_phrase(std::span<const Word> words, std::uint32_t begin, std::uint32_t end) {
  std::uint32_t i = begin;
  const Tag first = words[i].tag;
  // Pronouns, and relative pronouns ("which", "that"), stand alone.
  if (first == Tag::PRP || first == Tag::EX || first == Tag::WP || first == Tag::WDT) return i + 1;
  if (first == Tag::POS) ++i;  // "'s great boxers": the possessive marker opens the owned phrase
  if (i < end && words[i].tag == Tag::PDT) ++i;
  if (i < end && (words[i].tag == Tag::DT || words[i].tag == Tag::PRP_S || words[i].tag == Tag::WP_S)) ++i;
  if (i < end && (words[i].tag == Tag::DOLLAR || words[i].tag == Tag::HASH)) ++i;
  std::uint32_t last_good = i;  // a determiner alone ("that", "all") is a noun phrase too
  while (i < end) {
    const Tag t = words[i].tag;
    if (t == Tag::RB && i > begin && i + 1 < end && (words[i + 1].tag == Tag::CD || is_adjective(words[i + 1].tag)) &&
        (words[i - 1].tag == Tag::DT || words[i - 1].tag == Tag::PRP_S)) {
      ++i;  // "the very large", "its nearly 200"
      continue;
    }
    if (t == Tag::VBG || t == Tag::VBN) {
      // A participle inside a noun phrase only after a determiner, an adjective or an adverb and
      // before a noun or adjective ("the ruling party", "newly elected president"); after a
      // noun it is the verb of a clause ("Chile expelled two diplomats").
      const Tag before = i > begin ? words[i - 1].tag : Tag::NN;
      const bool after_modifier = before == Tag::DT || before == Tag::PRP_S || before == Tag::PDT ||
                                  is_adjective(before) || is_adverb(before) || before == Tag::CD || before == Tag::POS;
      if (i + 1 < end && (is_noun(words[i + 1].tag) || is_adjective(words[i + 1].tag)) && i > begin && after_modifier) {
        ++i;
        continue;
      }
      break;
    }
    // A number after a common noun starts a phrase of its own ("gave the envoy 48 hours");
    // after a name it is part of it ("Boeing 747", "Super 12").
    if (t == Tag::CD && i > begin && (words[i - 1].tag == Tag::NN || words[i - 1].tag == Tag::NNS)) break;
    if (is_np_modifier(t) || t == Tag::DOLLAR) {
      ++i;
      last_good = i;
      continue;
    }
    break;  // a possessive "'s" ends the possessor and opens the phrase it owns
  }
  if (last_good == begin) return begin + 1;
  return last_good;
}

/// Whether words [begin, end) can be a noun phrase: adjectives alone are a predicate ("feel
/// good", "close to"), not a phrase.
bool has_nominal_head(std::span<const Word> words, std::uint32_t begin, std::uint32_t end) {
  for (std::uint32_t k = begin; k < end; ++k) {
    const Tag t = words[k].tag;
    if (!is_adjective(t) && !is_adverb(t)) return true;
  }
  return false;
}

void finish_noun_phrase(std::span<const Word> words, Chunk& c) {
  c.head = c.end - 1;
  while (c.head > c.begin && !is_np_head(words[c.head].tag) && !is_adjective(words[c.head].tag)) --c.head;
  const Tag first = words[c.begin].tag;
  // "the", "his", and the "'s" of "France 's envoy" all determine the phrase.
  if (first == Tag::DT || first == Tag::PRP_S || first == Tag::WP_S || first == Tag::PDT || first == Tag::POS) {
    c.determiner = c.begin;
  }
  c.is_pronoun = c.end - c.begin == 1 && (first == Tag::PRP || first == Tag::WP || first == Tag::EX);
}

/// Reads a verb group starting at `begin`; returns one past its end.
std::uint32_t scan_verb_group(std::span<const Word> words, std::uint32_t begin, std::uint32_t end, const FunctionWords& fw) {
  std::uint32_t i = begin;
  std::uint32_t last_verb = begin;
  bool any_verb = false;
  while (i < end) {
    const Word& w = words[i];
    if (w.tag == Tag::MD || is_verb(w.tag)) {
      last_verb = i;
      any_verb = true;
      ++i;
      continue;
    }
    // Adverbs and negation between an auxiliary and its verb ("has not yet decided").
    if ((is_adverb(w.tag) || is_negation(w, fw)) && any_verb) {
      std::uint32_t k = i;
      while (k < end && (is_adverb(words[k].tag) || is_negation(words[k], fw))) ++k;
      if (k < end && (is_verb(words[k].tag) || words[k].tag == Tag::TO)) {
        i = k;
        continue;
      }
      break;
    }
    // "refused to meet", "plans to visit": the infinitive joins the group.
    if (w.tag == Tag::TO && any_verb && i + 1 < end && words[i + 1].tag == Tag::VB) {
      ++i;
      continue;
    }
    break;
  }
  return last_verb + 1;
}

void finish_verb_group(std::span<const Word> words, const FunctionWords& fw, Chunk& c) {
  c.head = c.end - 1;
  while (c.head > c.begin && !is_verb(words[c.head].tag) && words[c.head].tag != Tag::MD) --c.head;
  // The matrix verb of "refused to meet": the last verb before the last "to".
  std::optional<std::uint32_t> to;
  for (std::uint32_t k = c.begin; k < c.end; ++k) {
    if (words[k].tag == Tag::TO) to = k;
  }
  const std::uint32_t clause_begin = to ? *to + 1 : c.begin;
  if (to) {
    for (std::uint32_t k = *to; k-- > c.begin;) {
      if (is_verb(words[k].tag)) {
        c.matrix = words[k].lemma;
        break;
      }
    }
  }
  bool finite_seen = false;
  for (std::uint32_t k = c.begin; k < c.end; ++k) {
    const Word& w = words[k];
    if (is_negation(w, fw)) c.is_negated = true;
    if (w.tag == Tag::MD && c.modal == no_word) {
      WordId m = w.lemma;
      if (w.lower == fw.ll || w.lower == fw.wo) m = fw.will;
      if (w.lower == fw.ca) m = fw.can;
      if (w.lower == fw.d) m = fw.would;
      c.modal = m;
      if (m == fw.will || m == fw.shall) c.tense = Tense::future;
      finite_seen = true;
    }
    if (!finite_seen && (w.tag == Tag::VBD || w.tag == Tag::VBZ || w.tag == Tag::VBP)) {
      c.tense = w.tag == Tag::VBD ? Tense::past : Tense::present;
      finite_seen = true;
    }
  }
  // Passive: a past participle after a form of "be" or "get" in the same part of the group.
  if (words[c.head].tag == Tag::VBN) {
    for (std::uint32_t k = c.head; k-- > clause_begin;) {
      const Word& w = words[k];
      if (is_adverb(w.tag) || is_negation(w, fw)) continue;
      if (w.lemma == fw.be || w.lemma == fw.get) c.voice = Voice::passive;
      break;
    }
  }
}

}  // namespace

void chunk_sentence(std::span<const Word> words, std::uint32_t first, const FunctionWords& fw, std::vector<Chunk>& out) {
  const auto end = static_cast<std::uint32_t>(words.size());
  const std::size_t first_chunk = out.size();  // the chunks of earlier sentences stay as they are
  std::uint32_t i = 0;
  while (i < end) {
    const Tag t = words[i].tag;
    if (t == Tag::MD || is_verb(t)) {
      Chunk c;
      c.kind = ChunkKind::verb_group;
      c.begin = i;
      c.end = scan_verb_group(words, i, end, fw);
      finish_verb_group(words, fw, c);
      i = c.end;
      c.begin += first;
      c.end += first;
      c.head += first;
      out.push_back(c);
      continue;
    }
    if ((is_negation(words[i], fw) || is_adverb(t)) && i + 1 < end &&
        (words[i + 1].tag == Tag::MD || is_verb(words[i + 1].tag))) {
      // "never visited", "not to meet": the adverb belongs to the group that follows.
      Chunk c;
      c.kind = ChunkKind::verb_group;
      c.begin = i;
      c.end = scan_verb_group(words, i + 1, end, fw);
      finish_verb_group(words, fw, c);
      i = c.end;
      c.begin += first;
      c.end += first;
      c.head += first;
      out.push_back(c);
      continue;
    }
    if (is_np_start(t) || (t == Tag::RB && i + 1 < end && words[i + 1].tag == Tag::CD)) {
      Chunk c;
      c.kind = ChunkKind::noun_phrase;
      c.begin = i;
      c.end = scan_noun_phrase(words, t == Tag::RB ? i + 1 : i, end);
      if (!has_nominal_head(words, c.begin, c.end)) {
        i = c.end;
        continue;
      }
      finish_noun_phrase(words, c);
      i = c.end;
      c.begin += first;
      c.end += first;
      c.head += first;
      if (c.determiner) *c.determiner += first;
      out.push_back(c);
      continue;
    }
    ++i;
  }
  // A phrase owns the next one when that one opens with "'s" right after it.
  for (std::size_t k = first_chunk + 1; k < out.size(); ++k) {
    Chunk& owned = out[k];
    Chunk& owner = out[k - 1];
    if (owned.kind == ChunkKind::noun_phrase && owner.kind == ChunkKind::noun_phrase && owned.begin == owner.end &&
        words[owned.begin - first].tag == Tag::POS) {
      owner.is_possessive = true;
    }
  }
}

}  // namespace nkg::syntax::detail
