// Data files compiled into the library (see cmake/embed_data.cmake): extractors/data/*.tsv.
#ifndef UPRX_PIPELINE_CORE_EMBEDDED_DATA_H_
#define UPRX_PIPELINE_CORE_EMBEDDED_DATA_H_

#include <optional>
#include <string>
#include <string_view>

namespace uprx {

// The content of the embedded file with this base name ("states.tsv"), or nullopt.
std::optional<std::string> EmbeddedData(std::string_view name);

}  // namespace uprx

#endif  // UPRX_PIPELINE_CORE_EMBEDDED_DATA_H_
