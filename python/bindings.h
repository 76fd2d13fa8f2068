// What the binding files of the Python module (bilat._core) share: the
// country registry the CLI loads, Status to Python exception, and Table, the
// plain dict of column lists every query returns for pandas to turn into a
// DataFrame (python/bilat/__init__.py). The binding files only convert: the
// work is done by the use cases in src/app/.
//
// Each Bind* function adds one family of functions to the module; they are
// called from core_module.cc.
#ifndef BILAT_PYTHON_BINDINGS_H_
#define BILAT_PYTHON_BINDINGS_H_

#include <pybind11/pybind11.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/country.h"
#include "core/status.h"

namespace bilat::python {

namespace py = pybind11;

// A Python exception to raise: its type (a PyExc_* object) and message.
// Thrown from C++ (with or without the GIL held) and turned into the Python
// exception by a translator registered in core_module.cc.
struct PyError {
  PyObject* type;
  std::string message;
};

// Throws the PyError for a non-OK status: InvalidArgument -> ValueError,
// NotFound -> LookupError (nothing stored for what was asked), IoError and
// Busy -> OSError, the rest -> RuntimeError. The message is bilat's own.
[[noreturn]] void Raise(const Status& status);

// The value of a Result, or Raise(its status).
template <typename T>
T Take(Result<T> result) {
  if (!result.ok()) Raise(result.status());
  return std::move(result).value();
}

// The country registry the CLI loads (ISO 3166-1 and data/country_aliases.tsv),
// once per process; OSError when it cannot be read.
const CountryRegistry& Countries();

// Columns built row by row: the names are fixed at construction and every
// row gives one value per name. Build with the GIL held.
class Table {
 public:
  Table(std::initializer_list<std::string> names) : names_(names), columns_(names_.size()) {}
  explicit Table(std::vector<std::string> names) : names_(std::move(names)), columns_(names_.size()) {}

  // Appends one row; throws std::logic_error when it has the wrong width (a
  // bug in the binding, not in the data).
  void Row(std::vector<py::object> values);
  // {name: [values...]} in column order.
  py::dict ToDict() const;

 private:
  std::vector<std::string> names_;
  std::vector<py::list> columns_;
};

// A value or None.
template <typename T>
py::object Opt(const std::optional<T>& v) {
  return v ? py::cast(*v) : py::object(py::none());
}
// A text or None when empty.
py::object Text(const std::string& s);

void BindWorkspace(py::module_& m);
void BindExtract(py::module_& m);
void BindIngest(py::module_& m);

}  // namespace bilat::python

#endif  // BILAT_PYTHON_BINDINGS_H_
