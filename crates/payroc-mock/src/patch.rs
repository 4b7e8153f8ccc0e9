//! RFC 6902 JSON Patch applied to a stored resource, for the "partially update"
//! endpoints, with the paths each resource allows.

use payroc_model::common::PatchDocument;
use serde_json::Value;

/// Why a patch could not be applied: the operation's index and a message.
#[derive(Debug)]
pub(crate) struct PatchError {
    pub(crate) index: usize,
    pub(crate) message: String,
}

fn unescape(token: &str) -> String {
    token.replace("~1", "/").replace("~0", "~")
}

fn split(pointer: &str) -> Option<(Vec<String>, String)> {
    let rest = pointer.strip_prefix('/')?;
    let mut tokens: Vec<String> = rest.split('/').map(unescape).collect();
    let last = tokens.pop()?;
    Some((tokens, last))
}

fn parent_mut<'a>(doc: &'a mut Value, tokens: &[String]) -> Option<&'a mut Value> {
    tokens.iter().try_fold(doc, |node, token| match node {
        Value::Object(map) => map.get_mut(token),
        Value::Array(items) => token.parse::<usize>().ok().and_then(|i| items.get_mut(i)),
        _ => None,
    })
}

fn get<'a>(doc: &'a Value, pointer: &str) -> Option<&'a Value> {
    doc.pointer(pointer)
}

fn add(doc: &mut Value, pointer: &str, value: Value, replace_only: bool) -> Result<(), String> {
    let (parents, last) = split(pointer).ok_or("path must start with /")?;
    let parent =
        parent_mut(doc, &parents).ok_or_else(|| format!("`{pointer}`: parent does not exist"))?;
    match parent {
        Value::Object(map) => {
            if replace_only && !map.contains_key(&last) {
                return Err(format!("`{pointer}` does not exist"));
            }
            map.insert(last, value);
            Ok(())
        }
        Value::Array(items) => {
            if last == "-" && !replace_only {
                items.push(value);
                return Ok(());
            }
            let i: usize = last
                .parse()
                .map_err(|_| format!("`{pointer}`: not an array index"))?;
            if replace_only {
                *items
                    .get_mut(i)
                    .ok_or_else(|| format!("`{pointer}` does not exist"))? = value;
            } else if i <= items.len() {
                items.insert(i, value);
            } else {
                return Err(format!("`{pointer}`: index out of range"));
            }
            Ok(())
        }
        _ => Err(format!("`{pointer}`: parent is not an object or array")),
    }
}

fn remove(doc: &mut Value, pointer: &str) -> Result<Value, String> {
    let (parents, last) = split(pointer).ok_or("path must start with /")?;
    let parent = parent_mut(doc, &parents).ok_or_else(|| format!("`{pointer}` does not exist"))?;
    match parent {
        Value::Object(map) => map
            .remove(&last)
            .ok_or_else(|| format!("`{pointer}` does not exist")),
        Value::Array(items) => {
            let i: usize = last
                .parse()
                .map_err(|_| format!("`{pointer}`: not an array index"))?;
            if i < items.len() {
                Ok(items.remove(i))
            } else {
                Err(format!("`{pointer}` does not exist"))
            }
        }
        _ => Err(format!("`{pointer}` does not exist")),
    }
}

/// Applies `ops` to `doc` in order, refusing any operation whose path (or `from`)
/// is not under one of `allowed` (pointer prefixes). All or nothing.
pub(crate) fn apply(
    doc: &Value,
    ops: &[PatchDocument],
    allowed: &[&str],
) -> Result<Value, PatchError> {
    let mut out = doc.clone();
    for (index, op) in ops.iter().enumerate() {
        let fail = |message: String| PatchError { index, message };
        let permitted = |path: &str| {
            allowed.iter().any(|a| {
                path == *a
                    || path
                        .strip_prefix(a)
                        .is_some_and(|rest| rest.starts_with('/'))
            })
        };
        if let Some(path) = op.path() {
            if !permitted(path) {
                return Err(fail(format!("`{path}` cannot be changed")));
            }
        }
        let result = match op {
            PatchDocument::Add(p) => add(&mut out, &p.path, p.value.clone(), false),
            PatchDocument::Replace(p) => add(&mut out, &p.path, p.value.clone(), true),
            PatchDocument::Remove(p) => remove(&mut out, &p.path).map(drop),
            PatchDocument::Test(p) => match get(&out, &p.path) {
                Some(v) if *v == p.value => Ok(()),
                _ => Err(format!("test failed at `{}`", p.path)),
            },
            PatchDocument::Move(p) => {
                if !permitted(&p.from) {
                    return Err(fail(format!("`{}` cannot be changed", p.from)));
                }
                remove(&mut out, &p.from).and_then(|v| add(&mut out, &p.path, v, false))
            }
            PatchDocument::Copy(p) => match get(&out, &p.from).cloned() {
                Some(v) => add(&mut out, &p.path, v, false),
                None => Err(format!("`{}` does not exist", p.from)),
            },
            _ => Err("unsupported operation".to_owned()),
        };
        result.map_err(fail)?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn applies_operations_in_order() {
        let doc = json!({"a": 1, "list": [1, 2], "o": {"x": "y"}});
        let ops = vec![
            PatchDocument::replace("/a", 2),
            PatchDocument::add("/list/-", 3),
            PatchDocument::remove("/o/x"),
        ];
        let out = apply(&doc, &ops, &["/a", "/list", "/o"]).unwrap();
        assert_eq!(out, json!({"a": 2, "list": [1, 2, 3], "o": {}}));
    }

    #[test]
    fn refuses_paths_outside_the_allowed_set_and_missing_targets() {
        let doc = json!({"a": 1, "token": "x"});
        let err = apply(
            &doc,
            &[
                PatchDocument::replace("/a", 5),
                PatchDocument::replace("/token", "y"),
            ],
            &["/a"],
        )
        .unwrap_err();
        assert_eq!(err.index, 1);
        assert!(
            apply(&doc, &[PatchDocument::replace("/ab", 1)], &["/a"]).is_err(),
            "prefix must end at a segment"
        );
        assert!(apply(&doc, &[PatchDocument::replace("/a/b", 1)], &["/a"]).is_err());
        assert!(apply(&doc, &[PatchDocument::remove("/missing")], &["/missing"]).is_err());
    }
}
