//! The dashboard's traffic lights: for each unit (and each platform) the worst light of its due
//! items and how many there are, so the school sees every unit's standing at a glance.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::due::{DueItem, Light, UnitRef};

/// One unit's line on the dashboard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitSummary {
    pub unit: UnitRef,
    /// The worst light of any item of the unit (its platforms and its people).
    pub light: Light,
    /// Items by light.
    pub red_items: usize,
    pub amber_items: usize,
    /// Its supervised platforms by light.
    pub red_platforms: usize,
    pub amber_platforms: usize,
    pub green_platforms: usize,
}

/// Each platform's worst light; platforms with no item are green and not in the map.
pub fn platform_lights(items: &[DueItem]) -> HashMap<i64, Light> {
    let mut lights: HashMap<i64, Light> = HashMap::new();
    for item in items {
        if let Some(p) = &item.platform {
            let light = item.light();
            lights
                .entry(p.id)
                .and_modify(|l| *l = (*l).min(light))
                .or_insert(light);
        }
    }
    lights
}

/// One summary per unit of `units` (units with nothing due are green), red units first, then
/// amber, then green, each by name. `platforms` lists the supervised platforms as
/// (platform id, unit id).
pub fn unit_summaries(
    units: &[UnitRef],
    platforms: &[(i64, i64)],
    items: &[DueItem],
) -> Vec<UnitSummary> {
    let mut by_unit: HashMap<i64, UnitSummary> = units
        .iter()
        .map(|u| {
            (
                u.id,
                UnitSummary {
                    unit: u.clone(),
                    light: Light::Green,
                    red_items: 0,
                    amber_items: 0,
                    red_platforms: 0,
                    amber_platforms: 0,
                    green_platforms: 0,
                },
            )
        })
        .collect();
    for item in items {
        let Some(summary) = by_unit.get_mut(&item.unit.id) else {
            continue;
        };
        let light = item.light();
        summary.light = summary.light.min(light);
        match light {
            Light::Red => summary.red_items += 1,
            Light::Amber => summary.amber_items += 1,
            Light::Green => {}
        }
    }
    let lights = platform_lights(items);
    for (platform_id, unit_id) in platforms {
        let Some(summary) = by_unit.get_mut(unit_id) else {
            continue;
        };
        match lights.get(platform_id).copied().unwrap_or(Light::Green) {
            Light::Red => summary.red_platforms += 1,
            Light::Amber => summary.amber_platforms += 1,
            Light::Green => summary.green_platforms += 1,
        }
    }
    let mut summaries: Vec<UnitSummary> = by_unit.into_values().collect();
    summaries.sort_by(|a, b| {
        (a.light, &a.unit.name, a.unit.id).cmp(&(b.light, &b.unit.name, b.unit.id))
    });
    summaries
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::domain::supervision::article::Article;
    use crate::domain::supervision::due::{DueKind, PersonRef, PlatformRef, Urgency};

    fn unit(id: i64, name: &str) -> UnitRef {
        UnitRef {
            id,
            name: name.into(),
        }
    }

    fn item(unit_id: i64, platform: Option<i64>, kind: DueKind, urgency: Urgency) -> DueItem {
        DueItem {
            unit: unit(unit_id, "x"),
            platform: platform.map(|id| PlatformRef {
                id,
                name: format!("平台{id}"),
                kind_name: "网站".into(),
            }),
            person: platform.is_none().then(|| PersonRef {
                id: 1,
                name: "黄堃".into(),
            }),
            record_id: None,
            kind,
            since: None,
            due_on: NaiveDate::from_ymd_opt(2026, 11, 1),
            article: Article::Inactivity,
            urgency,
            calendar_missing: None,
        }
    }

    #[test]
    fn lights_and_counts_per_unit() {
        let units = [unit(1, "文传学院"), unit(2, "商学院"), unit(3, "艺术学院")];
        let platforms = [(10, 1), (11, 1), (12, 1), (20, 2), (30, 3)];
        let items = [
            item(1, Some(10), DueKind::RectificationNotice, Urgency::Overdue),
            item(1, Some(10), DueKind::PartyPosts, Urgency::Overdue),
            item(1, Some(11), DueKind::Verification, Urgency::Upcoming),
            item(2, Some(20), DueKind::Filing, Urgency::Upcoming),
            item(2, None, DueKind::Training, Urgency::Overdue),
            item(9, Some(90), DueKind::Filing, Urgency::Overdue),
        ];
        let s = unit_summaries(&units, &platforms, &items);
        let names: Vec<&str> = s.iter().map(|u| u.unit.name.as_str()).collect();
        assert_eq!(names, ["文传学院", "商学院", "艺术学院"]);
        let counts: Vec<(Light, usize, usize, usize, usize, usize)> = s
            .iter()
            .map(|u| {
                (
                    u.light,
                    u.red_items,
                    u.amber_items,
                    u.red_platforms,
                    u.amber_platforms,
                    u.green_platforms,
                )
            })
            .collect();
        assert_eq!(
            counts,
            [
                (Light::Red, 1, 2, 1, 1, 1),
                (Light::Amber, 0, 2, 0, 1, 0),
                (Light::Green, 0, 0, 0, 0, 1),
            ]
        );
        let lights = platform_lights(&items);
        assert_eq!(lights.get(&10), Some(&Light::Red));
        assert_eq!(lights.get(&11), Some(&Light::Amber));
        assert_eq!(lights.get(&12), None);
    }
}
