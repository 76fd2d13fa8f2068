// bilat._core: the compiled half of the Python module. Python code imports
// `bilat` (python/bilat/__init__.py), which turns what these functions
// return (dicts of column lists, JSON text) into pandas DataFrames and
// Python objects. docs/python.md documents the API.
//
// The functions are added by family: workspace queries (bind_workspace.cc)
// text extraction (bind_extract.cc), and event files scanned into parts and
// merged into a workspace (bind_ingest.cc; what the Dask driver runs).
#include <pybind11/pybind11.h>

#include <memory>
#include <mutex>
#include <stdexcept>

#include "python/bindings.h"

namespace bilat::python {

void Raise(const Status& status) {
  PyObject* type = PyExc_RuntimeError;
  switch (status.code()) {
    case StatusCode::kInvalidArgument: type = PyExc_ValueError; break;
    case StatusCode::kNotFound: type = PyExc_LookupError; break;
    case StatusCode::kAlreadyExists: type = PyExc_FileExistsError; break;
    case StatusCode::kIoError:
    case StatusCode::kBusy: type = PyExc_OSError; break;
    default: break;
  }
  throw PyError{type, status.message()};
}

const CountryRegistry& Countries() {
  // Loaded on first use rather than at import, so that `import bilat` works
  // (and says what is missing on first use) even without iso-codes.
  static std::shared_ptr<const CountryRegistry> registry;
  static std::once_flag once;
  static Status error;
  std::call_once(once, [] {
    auto r = CountryRegistry::LoadDefault();
    if (r.ok()) {
      registry = *r;
    } else {
      error = r.status();
    }
  });
  if (!registry) throw PyError{PyExc_OSError, error.message()};
  return *registry;
}

void Table::Row(std::vector<py::object> values) {
  if (values.size() != names_.size()) {
    throw std::logic_error("bilat._core: a row of " + std::to_string(values.size()) + " values for " +
                           std::to_string(names_.size()) + " columns");
  }
  for (size_t i = 0; i < values.size(); ++i) columns_[i].append(std::move(values[i]));
}

py::dict Table::ToDict() const {
  py::dict out;
  for (size_t i = 0; i < names_.size(); ++i) out[py::str(names_[i])] = columns_[i];
  return out;
}

py::object Text(const std::string& s) { return s.empty() ? py::object(py::none()) : py::object(py::str(s)); }

}  // namespace bilat::python

PYBIND11_MODULE(_core, m) {
  namespace py = pybind11;
  using bilat::python::PyError;
  m.doc() = "bilat's engine: workspace queries, text extraction, event parts (use the bilat package, not this module)";
  m.attr("__version__") = BILAT_VERSION;
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const PyError& e) {
      PyErr_SetString(e.type, e.message.c_str());
    }
  });
  bilat::python::BindWorkspace(m);
  bilat::python::BindExtract(m);
  bilat::python::BindIngest(m);
}
