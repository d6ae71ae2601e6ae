// Vocabulary IRIs (DESIGN §1) and the prefixes every writer declares.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <utility>

namespace nkg::vocab {

inline constexpr std::string_view nkg = "https://w3id.org/newskg/ns#";
inline constexpr std::string_view default_base = "https://w3id.org/newskg/id/";
/// Where the JSON-LD context is published; every JSON-LD file refers to it.
inline constexpr std::string_view jsonld_context = "https://w3id.org/newskg/context.jsonld";

inline constexpr std::string_view rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
inline constexpr std::string_view rdfs = "http://www.w3.org/2000/01/rdf-schema#";
inline constexpr std::string_view owl = "http://www.w3.org/2002/07/owl#";
inline constexpr std::string_view xsd = "http://www.w3.org/2001/XMLSchema#";
inline constexpr std::string_view skos = "http://www.w3.org/2004/02/skos/core#";
inline constexpr std::string_view schema = "https://schema.org/";
inline constexpr std::string_view dct = "http://purl.org/dc/terms/";
inline constexpr std::string_view prov = "http://www.w3.org/ns/prov#";
inline constexpr std::string_view nif = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";
inline constexpr std::string_view itsrdf = "http://www.w3.org/2005/11/its/rdf#";
inline constexpr std::string_view void_ = "http://rdfs.org/ns/void#";
inline constexpr std::string_view dcat = "http://www.w3.org/ns/dcat#";
inline constexpr std::string_view wd = "http://www.wikidata.org/entity/";
inline constexpr std::string_view org = "http://www.w3.org/ns/org#";
inline constexpr std::string_view geonames = "https://sws.geonames.org/";

inline constexpr std::string_view rdf_type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
inline constexpr std::string_view xsd_string = "http://www.w3.org/2001/XMLSchema#string";
inline constexpr std::string_view xsd_date = "http://www.w3.org/2001/XMLSchema#date";
inline constexpr std::string_view xsd_g_year_month = "http://www.w3.org/2001/XMLSchema#gYearMonth";
inline constexpr std::string_view xsd_g_year = "http://www.w3.org/2001/XMLSchema#gYear";
inline constexpr std::string_view xsd_decimal = "http://www.w3.org/2001/XMLSchema#decimal";
inline constexpr std::string_view xsd_integer = "http://www.w3.org/2001/XMLSchema#integer";
inline constexpr std::string_view xsd_non_negative_integer =
    "http://www.w3.org/2001/XMLSchema#nonNegativeInteger";

/// Terms that stages reading a graph back look for (publish/, inspect/, merge/).
inline constexpr std::string_view rdfs_label = "http://www.w3.org/2000/01/rdf-schema#label";
inline constexpr std::string_view rdfs_comment = "http://www.w3.org/2000/01/rdf-schema#comment";
inline constexpr std::string_view skos_alt_label = "http://www.w3.org/2004/02/skos/core#altLabel";
inline constexpr std::string_view rdf_statement = "http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement";
inline constexpr std::string_view rdf_subject = "http://www.w3.org/1999/02/22-rdf-syntax-ns#subject";
inline constexpr std::string_view rdf_predicate = "http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate";
inline constexpr std::string_view rdf_object = "http://www.w3.org/1999/02/22-rdf-syntax-ns#object";
inline constexpr std::string_view nif_is_string = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#isString";
inline constexpr std::string_view nif_anchor_of = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf";
inline constexpr std::string_view nif_begin = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#beginIndex";
inline constexpr std::string_view nif_end = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#endIndex";
inline constexpr std::string_view nif_context = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#referenceContext";
inline constexpr std::string_view its_ident_ref = "http://www.w3.org/2005/11/its/rdf#taIdentRef";
inline constexpr std::string_view prov_derived_from = "http://www.w3.org/ns/prov#wasDerivedFrom";
inline constexpr std::string_view nkg_event = "https://w3id.org/newskg/ns#Event";
inline constexpr std::string_view nkg_rule = "https://w3id.org/newskg/ns#rule";
inline constexpr std::string_view nkg_confidence = "https://w3id.org/newskg/ns#confidence";
inline constexpr std::string_view skos_pref_label = "http://www.w3.org/2004/02/skos/core#prefLabel";
inline constexpr std::string_view schema_headline = "https://schema.org/headline";
inline constexpr std::string_view nkg_title = "https://w3id.org/newskg/ns#title";
inline constexpr std::string_view dct_identifier = "http://purl.org/dc/terms/identifier";

/// Path segments under the base IRI, one per kind of node (DESIGN §2).
inline constexpr std::string_view path_state = "state/";
inline constexpr std::string_view path_person = "person/";
inline constexpr std::string_view path_organization = "org/";
inline constexpr std::string_view path_place = "place/";
inline constexpr std::string_view path_position = "position/";
inline constexpr std::string_view path_event = "event/";
inline constexpr std::string_view path_document = "doc/";
inline constexpr std::string_view path_dataset = "dataset/";

/// Fixed prefixes, declared by every syntax writer, in this order. The prefixes for
/// paths under the base IRI (state:, person:, ...) are added by the graph builder,
/// because the base is an option.
inline constexpr std::array<std::pair<std::string_view, std::string_view>, 15> fixed_prefixes{{
    {"nkg", nkg},
    {"rdf", rdf},
    {"rdfs", rdfs},
    {"owl", owl},
    {"xsd", xsd},
    {"skos", skos},
    {"schema", schema},
    {"dct", dct},
    {"prov", prov},
    {"nif", nif},
    {"itsrdf", itsrdf},
    {"void", void_},
    {"dcat", dcat},
    {"wd", wd},
    {"org", org},
}};

/// Prefix names for the base paths; `organization` because W3C ORG owns `org:`.
inline constexpr std::array<std::pair<std::string_view, std::string_view>, 8> base_prefixes{{
    {"state", path_state},
    {"person", path_person},
    {"organization", path_organization},
    {"place", path_place},
    {"position", path_position},
    {"event", path_event},
    {"doc", path_document},
    {"dataset", path_dataset},
}};

/// The IRI of a term of a vocabulary: namespace + local name.
[[nodiscard]] inline std::string term(std::string_view ns, std::string_view local) {
  std::string s(ns);
  s += local;
  return s;
}

}  // namespace nkg::vocab
