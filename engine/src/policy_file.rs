// Shared by `engine/build.rs` (through `include!`) and `src/policy.rs`: how a policy file that
// is based on another is completed into a whole set. Plain functions on JSON values, so that the
// build script and the tests read files by the same rule.

/// The whole set a policy file stands for: the file itself, or, when it names a `based_on` set,
/// that set (already whole) with the file's changes applied:
///
/// - `sources` and `renamed` are the parent's plus the file's (the file's win);
/// - `categories`, `destinations` and `currencies` are the file's when it has them, else the
///   parent's;
/// - `values`: each of the file's values replaces the parent's value with the same id, in the
///   parent's order, or is added at the end; ids listed in `removed` are left out;
/// - every other key (`id`, `name`, `version`, `effective_date`, `currency`, `based_on`) is the
///   file's, or the parent's when the file has none (`based_on` is always the file's own);
/// - each value gets `since`: the effective date of the set that last stated it (the file's own
///   date for the values the file lists, the parent's `since` for the others).
pub fn whole_policy(
    file: &serde_json::Value,
    parent: Option<&serde_json::Value>,
) -> serde_json::Value {
    use serde_json::{Map, Value};
    let own_date = file.get("effective_date").cloned().unwrap_or(Value::Null);
    let dated = |value: &Value| -> Value {
        let mut value = value.clone();
        if let Some(fields) = value.as_object_mut() {
            fields.insert("since".to_owned(), own_date.clone());
        }
        value
    };
    let (Some(own), Some(base)) = (file.as_object(), parent.and_then(Value::as_object)) else {
        let mut whole = file.clone();
        if let Some(values) = whole.get_mut("values").and_then(Value::as_array_mut) {
            for value in values.iter_mut() {
                *value = dated(value);
            }
        }
        return whole;
    };
    let mut whole: Map<String, Value> = base.clone();
    whole.remove("based_on");
    for (key, value) in own {
        match key.as_str() {
            "sources" | "renamed" => {
                let mut merged = base.get(key).and_then(Value::as_object).cloned().unwrap_or_default();
                if let Some(more) = value.as_object() {
                    for (k, v) in more {
                        merged.insert(k.clone(), v.clone());
                    }
                }
                whole.insert(key.clone(), Value::Object(merged));
            }
            "values" | "removed" => {}
            _ => {
                whole.insert(key.clone(), value.clone());
            }
        }
    }
    let removed: Vec<&str> = own
        .get("removed")
        .and_then(Value::as_array)
        .map(|ids| ids.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let changes: Vec<&Value> = own
        .get("values")
        .and_then(Value::as_array)
        .map(|values| values.iter().collect())
        .unwrap_or_default();
    let id_of = |v: &Value| v.get("id").and_then(Value::as_str).map(str::to_owned);
    let mut values: Vec<Value> = Vec::new();
    for value in base.get("values").and_then(Value::as_array).into_iter().flatten() {
        let id = id_of(value);
        if id.as_deref().is_some_and(|id| removed.contains(&id)) {
            continue;
        }
        let changed = changes.iter().find(|c| id.is_some() && id_of(c) == id);
        values.push(changed.map_or_else(|| value.clone(), |c| dated(c)));
    }
    for change in changes {
        let id = id_of(change);
        if !values.iter().any(|v| id_of(v) == id) {
            values.push(dated(change));
        }
    }
    whole.insert("values".to_owned(), Value::Array(values));
    Value::Object(whole)
}
