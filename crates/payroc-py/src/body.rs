//! Request bodies from Python values, as the JSON the operations read: dicts, lists,
//! tuples and scalars, with snake_case keys written as the API's camelCase. This runs
//! on every value of every request, so it is done here rather than in Python, where
//! walking a full payment body took longer than the whole Rust side of the call.

use payroc_core::model::validate::ValidationError;
use payroc_core::Error;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyBytes, PyDict, PyFloat, PyInt, PyList, PyMapping, PyString, PyTuple};
use serde_json::{Map, Number, Value};

use crate::errors::Failure;

/// `body` (or `{}`), updated with the keyword `fields`, as JSON bytes. With `convert`,
/// snake_case keys become camelCase (the PayTrace API's keys are snake_case already).
#[pyfunction]
#[pyo3(signature = (body, fields=None, convert=true))]
pub(crate) fn request_body<'py>(
    py: Python<'py>,
    body: Option<&Bound<'py, PyAny>>,
    fields: Option<&Bound<'py, PyDict>>,
    convert: bool,
) -> PyResult<Bound<'py, PyBytes>> {
    let mut data = match body {
        Some(body) => plain(body, convert).map_err(Wrong::into_py)?,
        None => Value::Object(Map::new()),
    };
    if let Some(fields) = fields.filter(|f| !f.is_empty()) {
        let Value::Object(data) = &mut data else {
            return Err(invalid(
                "",
                "give either a body or keyword fields, not both",
            ));
        };
        if let Value::Object(fields) = plain(fields.as_any(), convert).map_err(Wrong::into_py)? {
            data.extend(fields);
        }
    }
    let json = serde_json::to_vec(&data).map_err(|e| invalid("", &e.to_string()))?;
    Ok(PyBytes::new(py, &json))
}

/// Why a value cannot be sent: what is wrong, and where (innermost segment first,
/// the path is only spelled out when something is wrong).
enum Wrong {
    Invalid { path: Vec<Segment>, message: String },
    Python(PyErr),
}

enum Segment {
    Key(String),
    Index(usize),
}

impl Wrong {
    fn invalid(message: String) -> Self {
        Self::Invalid {
            path: Vec::new(),
            message,
        }
    }

    fn at(mut self, segment: Segment) -> Self {
        if let Self::Invalid { path, .. } = &mut self {
            path.push(segment);
        }
        self
    }

    fn into_py(self) -> PyErr {
        match self {
            Self::Python(err) => err,
            Self::Invalid { path, message } => {
                let mut spelled = String::new();
                for segment in path.iter().rev() {
                    match segment {
                        Segment::Key(key) if spelled.is_empty() => spelled.push_str(key),
                        Segment::Key(key) => {
                            spelled.push('.');
                            spelled.push_str(key);
                        }
                        Segment::Index(i) => spelled.push_str(&format!("[{i}]")),
                    }
                }
                invalid(&spelled, &message)
            }
        }
    }
}

impl From<PyErr> for Wrong {
    fn from(err: PyErr) -> Self {
        Self::Python(err)
    }
}

/// A `ValidationError` at `path`: the request was not sent.
fn invalid(path: &str, message: &str) -> PyErr {
    Failure::Core(Error::Validation(ValidationError::single(
        path, message, "type",
    )))
    .into_py()
}

/// `processing_terminal_id` → `processingTerminalId`; a key without `_` stays as it is.
fn camel(key: &str) -> String {
    let mut parts = key.split('_');
    let mut out = parts.next().unwrap_or_default().to_owned();
    for part in parts {
        let mut chars = part.chars();
        if let Some(first) = chars.next() {
            out.extend(first.to_uppercase());
            out.push_str(chars.as_str());
        }
    }
    out
}

fn number(value: f64) -> Result<Value, Wrong> {
    Number::from_f64(value)
        .map(Value::Number)
        .ok_or_else(|| Wrong::invalid(format!("{value} is not a number JSON can carry")))
}

fn integer(value: &Bound<'_, PyAny>) -> Result<Value, Wrong> {
    if let Ok(n) = value.extract::<i64>() {
        return Ok(Value::from(n));
    }
    value
        .extract::<u64>()
        .map(Value::from)
        .map_err(|_| Wrong::invalid(format!("{value} does not fit in a 64-bit integer")))
}

fn items<'py>(
    values: impl Iterator<Item = Bound<'py, PyAny>>,
    convert: bool,
) -> Result<Value, Wrong> {
    values
        .enumerate()
        .map(|(i, item)| plain(&item, convert).map_err(|e| e.at(Segment::Index(i))))
        .collect::<Result<_, _>>()
        .map(Value::Array)
}

fn object(dict: &Bound<'_, PyDict>, convert: bool) -> Result<Value, Wrong> {
    let mut out = Map::new();
    for (key, item) in dict.iter() {
        let Ok(key) = key.cast::<PyString>() else {
            return Err(Wrong::invalid(format!(
                "keys must be strings (got {})",
                key.repr()?
            )));
        };
        let key = key.to_cow()?;
        let name = if convert && key.contains('_') {
            camel(&key)
        } else {
            key.into_owned()
        };
        let value = match plain(&item, convert) {
            Ok(value) => value,
            Err(wrong) => return Err(wrong.at(Segment::Key(name))),
        };
        out.insert(name, value);
    }
    Ok(Value::Object(out))
}

/// A Python value as JSON. Exact built-in types are tested first: this runs for every
/// value, and the abstract checks after them cost several times as much.
fn plain(value: &Bound<'_, PyAny>, convert: bool) -> Result<Value, Wrong> {
    if let Ok(s) = value.cast_exact::<PyString>() {
        return Ok(Value::String(s.to_cow()?.into_owned()));
    }
    if let Ok(b) = value.cast_exact::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if value.is_exact_instance_of::<PyInt>() {
        return integer(value);
    }
    if let Ok(f) = value.cast_exact::<PyFloat>() {
        return number(f.value());
    }
    if value.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(dict) = value.cast_exact::<PyDict>() {
        return object(dict, convert);
    }
    if let Ok(list) = value.cast_exact::<PyList>() {
        return items(list.iter(), convert);
    }
    let py = value.py();
    if value.is_instance(payroc_object(py)?)? {
        // A response object sent back: its JSON is the API's already.
        return plain(&value.call_method0("to_dict")?, false);
    }
    if let Ok(mapping) = value.cast::<PyMapping>() {
        let dict = PyDict::new(py);
        dict.update(mapping)?;
        return object(&dict, convert);
    }
    if let Ok(list) = value.cast::<PyList>() {
        return items(list.iter(), convert);
    }
    if let Ok(tuple) = value.cast::<PyTuple>() {
        return items(tuple.iter(), convert);
    }
    // Subclasses of the scalars, such as str- and int-valued enums.
    if let Ok(s) = value.cast::<PyString>() {
        return Ok(Value::String(s.to_cow()?.into_owned()));
    }
    if value.is_instance_of::<PyInt>() {
        return integer(value);
    }
    if value.is_instance_of::<PyFloat>() || value.is_instance(decimal(py)?)? {
        return number(value.extract::<f64>()?);
    }
    Err(Wrong::invalid(format!(
        "a {} cannot be sent; use str, int, float, bool, list or dict",
        value.get_type().name()?
    )))
}

fn payroc_object(py: Python<'_>) -> PyResult<&Bound<'_, pyo3::types::PyType>> {
    static CLASS: PyOnceLock<Py<pyo3::types::PyType>> = PyOnceLock::new();
    CLASS.import(py, "payroc_rs._objects", "PayrocObject")
}

fn decimal(py: Python<'_>) -> PyResult<&Bound<'_, pyo3::types::PyType>> {
    static CLASS: PyOnceLock<Py<pyo3::types::PyType>> = PyOnceLock::new();
    CLASS.import(py, "decimal", "Decimal")
}
