//! JSON Lines: one document an object a line.

use crate::error::ReadError;
use crate::ReadResult;
use sayso_document::Document;
use serde_json::Value;

/// Which JSON fields hold what (`--id-field` and friends on the command line).
#[derive(Clone, Debug)]
pub struct JsonlFields {
    pub id: String,
    pub text: String,
    pub date: String,
    pub url: String,
    pub outlet: String,
    pub title: String,
}

impl Default for JsonlFields {
    fn default() -> Self {
        JsonlFields {
            id: "id".into(),
            text: "text".into(),
            date: "date".into(),
            url: "url".into(),
            outlet: "outlet".into(),
            title: "title".into(),
        }
    }
}

/// Parses one JSONL record. `fallback_id` names a record without an id.
pub fn parse_record(
    line: &str,
    origin: &str,
    fallback_id: &str,
    fields: &JsonlFields,
) -> ReadResult {
    let value: Value = serde_json::from_str(line).map_err(|e| ReadError::Json {
        origin: origin.to_string(),
        message: e.to_string(),
    })?;
    let Value::Object(obj) = value else {
        return Err(ReadError::Field {
            origin: origin.to_string(),
            message: "the record is not a JSON object".into(),
        });
    };
    let field_error = |message: String| ReadError::Field {
        origin: origin.to_string(),
        message,
    };
    let text = match obj.get(&fields.text) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Null) | None => {
            return Err(field_error(format!(
                "no {:?} field with the document text",
                fields.text
            )))
        }
        Some(_) => {
            return Err(field_error(format!(
                "field {:?} is not a string",
                fields.text
            )))
        }
    };
    let id = match obj.get(&fields.id) {
        Some(Value::String(s)) if !s.is_empty() => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => fallback_id.to_string(),
    };
    let optional = |name: &str| -> Result<Option<String>, ReadError> {
        match obj.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.trim().to_string())),
            Some(other) => Err(field_error(format!(
                "field {name:?} is not a string: {other}"
            ))),
        }
    };
    // Timestamps ("2016-09-19T10:00:00Z") keep their date part.
    let date = optional(&fields.date)?.map(|d| d.chars().take(10).collect::<String>());
    let mut doc = Document::new(id, text)
        .and_then(|d| d.with_date(date))
        .map_err(|source| ReadError::Document {
            origin: origin.to_string(),
            source,
        })?;
    doc.meta.url = optional(&fields.url)?;
    doc.meta.outlet = optional(&fields.outlet)?;
    doc.meta.title = optional(&fields.title)?;
    doc.meta.origin = Some(origin.to_string());
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_with_metadata() {
        let doc = parse_record(
            r#"{"id": 7, "text": "Hi", "date": "2016-09-19T10:00:00Z", "outlet": "NYT", "x": 1}"#,
            "f.jsonl, line 1",
            "f:1",
            &JsonlFields::default(),
        )
        .unwrap();
        assert_eq!(
            (doc.id.as_str(), doc.text(), doc.date.as_deref()),
            ("7", "Hi", Some("2016-09-19"))
        );
        assert_eq!(doc.meta.outlet.as_deref(), Some("NYT"));
    }

    #[test]
    fn selectable_fields_and_fallback_id() {
        let fields = JsonlFields {
            text: "body".into(),
            ..JsonlFields::default()
        };
        let doc = parse_record(r#"{"body": "B"}"#, "o", "f:3", &fields).unwrap();
        assert_eq!((doc.id.as_str(), doc.text()), ("f:3", "B"));
    }

    #[test]
    fn errors_name_record_and_problem() {
        let f = JsonlFields::default();
        let e = parse_record("{not json", "in.jsonl, line 4", "x", &f).unwrap_err();
        assert!(
            e.to_string().starts_with("in.jsonl, line 4: invalid JSON"),
            "{e}"
        );
        let e = parse_record(r#"{"id": "a"}"#, "in.jsonl, line 5", "x", &f).unwrap_err();
        assert_eq!(
            e.to_string(),
            "in.jsonl, line 5: no \"text\" field with the document text"
        );
        let e = parse_record(
            r#"{"text": "a", "date": "soon"}"#,
            "in.jsonl, line 6",
            "x",
            &f,
        )
        .unwrap_err();
        assert!(e.to_string().contains("YYYY-MM-DD"), "{e}");
    }
}
