//! First-steps paths: the list of them, and one path with its steps in order.

use rusqlite::OptionalExtension;

use super::schema::owner;
use super::{CityPack, StoreError};
use crate::content::Review;
use crate::l10n::LanguageChain;
use crate::model::*;

impl CityPack {
    /// The city's first-steps paths, in the editors' order.
    pub fn first_steps(&self, chain: &LanguageChain) -> Result<Vec<PathSummary>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT p.id, p.sample, (SELECT COUNT(*) FROM path_step s WHERE s.path_id = p.id)
                 FROM path p ORDER BY p.position",
            )
            .map_err(|e| self.err(e))?;
        let rows: Vec<(String, bool, u32)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .and_then(|rows| rows.collect())
            .map_err(|e| self.err(e))?;
        rows.into_iter()
            .map(|(id, sample, steps)| {
                let texts = self.texts(&owner::path(&id))?;
                Ok(PathSummary {
                    title: texts.get("title", chain),
                    audience: texts.get("audience", chain),
                    id,
                    steps,
                    sample,
                })
            })
            .collect()
    }

    /// One path with its steps in order; `None` when the pack has no path `id`.
    pub fn first_steps_path(
        &self,
        id: &str,
        chain: &LanguageChain,
    ) -> Result<Option<FirstStepsPath>, StoreError> {
        type Row = (bool, Option<String>, Option<String>);
        let row: Option<Row> = self
            .conn
            .query_row(
                "SELECT sample, checked, drafted FROM path WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()
            .map_err(|e| self.err(e))?;
        let Some((sample, checked, drafted)) = row else {
            return Ok(None);
        };
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT position, service_id FROM path_step WHERE path_id = ?1 ORDER BY position",
            )
            .map_err(|e| self.err(e))?;
        let rows: Vec<(usize, String)> = stmt
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))
            .and_then(|rows| rows.collect())
            .map_err(|e| self.err(e))?;
        let steps = rows
            .into_iter()
            .map(|(position, service_id)| {
                let service = self.texts(&owner::service(&service_id))?;
                Ok(PathStep {
                    bring: service.pick("bring", chain),
                    note: self.texts(&owner::step(id, position))?.pick("note", chain),
                    service: self.service_summary(&service_id, chain)?,
                })
            })
            .collect::<Result<_, StoreError>>()?;
        let texts = self.texts(&owner::path(id))?;
        Ok(Some(FirstStepsPath {
            id: id.to_string(),
            title: texts.get("title", chain),
            audience: texts.get("audience", chain),
            steps,
            sample,
            checked,
            drafted,
            unreviewed: self.review(&owner::path(id), chain.reader())? == Some(Review::Unreviewed),
        }))
    }
}
