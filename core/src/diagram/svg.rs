//! Where each state is drawn, and the arrows between the boxes, in SVG user units.

use super::table::{table, Row, Trigger};
use super::{DiagramState, Machine};
use crate::circuit::CircuitPhase;
use crate::enums::{AdvertisedPublicPrefixesState as Apps, BgpState};

/// A state drawn as a box.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// The state.
    pub state: DiagramState,
    /// Centre x.
    pub x: i32,
    /// Centre y.
    pub y: i32,
}

/// A line between two boxes, ending at their borders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    /// Start x.
    pub x1: i32,
    /// Start y.
    pub y1: i32,
    /// End x (the arrow head).
    pub x2: i32,
    /// End y.
    pub y2: i32,
    /// Label x.
    pub lx: i32,
    /// Label y.
    pub ly: i32,
    /// The label's SVG `text-anchor` ("start", "middle" or "end"): labels extend away
    /// from their line, so parallel arrows' labels do not overlap.
    pub anchor: &'static str,
}

/// An arrow: every accepted trigger from one state to another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edge {
    /// From.
    pub from: DiagramState,
    /// To.
    pub to: DiagramState,
    /// The triggers, in table order.
    pub triggers: Vec<Trigger>,
    /// Where it is drawn.
    pub segment: Segment,
}

impl Edge {
    /// The arrow's label: the triggers' short labels, one per line.
    pub fn label_lines(&self) -> Vec<&'static str> {
        let mut shorts: Vec<&'static str> = Vec::new();
        for t in &self.triggers {
            if !shorts.contains(&t.short) {
                shorts.push(t.short);
            }
        }
        shorts
    }
}

/// Box size and spacing of the drawing, in SVG user units.
pub const NODE_W: i32 = 150;
/// Box height.
pub const NODE_H: i32 = 44;
const CELL_W: i32 = 230;
const CELL_H: i32 = 150;
const MARGIN: i32 = 20;
/// Room at the sides for arrow labels.
const MARGIN_X: i32 = 60;

/// A machine's table and its drawing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagram {
    /// The machine.
    pub machine: Machine,
    /// Drawn with rows and columns swapped (narrow screens).
    pub tall: bool,
    /// Drawing width.
    pub width: i32,
    /// Drawing height.
    pub height: i32,
    /// Every state.
    pub nodes: Vec<Node>,
    /// Every state-changing accepted transition, grouped by (from, to).
    pub edges: Vec<Edge>,
    /// The full table.
    pub rows: Vec<Row>,
}

/// The table's arrows: its accepted, state-changing rows grouped by (from, to), with their
/// triggers in table order.
fn arrows(rows: &[Row]) -> Vec<(DiagramState, DiagramState, Vec<Trigger>)> {
    let mut groups: Vec<(DiagramState, DiagramState, Vec<Trigger>)> = Vec::new();
    for row in rows.iter().filter(|r| r.is_arrow()) {
        let Ok(to) = row.outcome else { continue };
        match groups
            .iter_mut()
            .find(|(f, t, _)| *f == row.from && *t == to)
        {
            Some((_, _, triggers)) => triggers.push(row.trigger.clone()),
            None => groups.push((row.from, to, vec![row.trigger.clone()])),
        }
    }
    groups
}

/// Grid cell (column, row) where a state is drawn.
fn cell(state: DiagramState) -> (i32, i32) {
    match state {
        DiagramState::Phase(p) => match p {
            CircuitPhase::Deleting => (0, 0),
            CircuitPhase::NotProvisioned => (1, 0),
            CircuitPhase::Provisioning => (2, 0),
            CircuitPhase::Direct => (0, 1),
            CircuitPhase::Deprovisioning => (1, 1),
            CircuitPhase::Provisioned => (2, 1),
        },
        DiagramState::Bgp(_, None) => (0, 0),
        DiagramState::Bgp(_, Some(BgpState::Enabled)) => (2, 0),
        DiagramState::Bgp(_, Some(BgpState::NotEnabled)) => (1, 1),
        DiagramState::Prefixes(s) => match s {
            Apps::NotConfigured => (0, 1),
            Apps::Configuring => (1, 0),
            Apps::ValidationNeeded => (1, 2),
            Apps::Configured => (2, 1),
        },
    }
}

impl Diagram {
    /// Computes the machine's table and lays it out (`tall`: columns become rows).
    pub fn new(machine: Machine, tall: bool) -> Diagram {
        let rows = table(machine);
        let place = |s: DiagramState| {
            let (c, r) = cell(s);
            let (c, r) = if tall { (r, c) } else { (c, r) };
            (
                MARGIN + NODE_W / 2 + c * CELL_W,
                MARGIN + NODE_H / 2 + r * CELL_H,
            )
        };
        let nodes: Vec<Node> = machine
            .states()
            .into_iter()
            .map(|state| {
                let (x, y) = place(state);
                Node { state, x, y }
            })
            .collect();
        let width = nodes.iter().map(|n| n.x).max().unwrap_or(0) + NODE_W / 2 + MARGIN_X;
        let height = nodes.iter().map(|n| n.y).max().unwrap_or(0) + NODE_H / 2 + MARGIN;
        let groups = arrows(&rows);
        let mut diagram = Diagram {
            machine,
            tall,
            width,
            height,
            nodes,
            edges: Vec::new(),
            rows,
        };
        let edges = groups
            .iter()
            .map(|(from, to, triggers)| Edge {
                from: *from,
                to: *to,
                triggers: triggers.clone(),
                segment: diagram.segment(*from, *to),
            })
            .collect();
        diagram.edges = edges;
        diagram
    }

    /// The node of a state.
    pub fn node(&self, s: DiagramState) -> Option<&Node> {
        self.nodes.iter().find(|n| n.state == s)
    }

    /// The line from one box to another, clipped to the box borders. Arrows in both
    /// directions between two boxes are drawn side by side, not on top of each other.
    pub fn segment(&self, from: DiagramState, to: DiagramState) -> Segment {
        let (Some(a), Some(b)) = (self.node(from), self.node(to)) else {
            return Segment {
                x1: 0,
                y1: 0,
                x2: 0,
                y2: 0,
                lx: 0,
                ly: 0,
                anchor: "middle",
            };
        };
        let (dx, dy) = ((b.x - a.x) as f64, (b.y - a.y) as f64);
        let len = (dx * dx + dy * dy).sqrt().max(1.0);
        // Unit normal, pointing to the right of the direction of travel: the two
        // directions of a pair get opposite offsets.
        let (nx, ny) = (-dy / len, dx / len);
        let offset = 9.0;
        let (ox, oy) = (nx * offset, ny * offset);
        let t = border_at(dx, dy);
        let (ax, ay) = (f64::from(a.x) + ox, f64::from(a.y) + oy);
        let (bx, by) = (f64::from(b.x) + ox, f64::from(b.y) + oy);
        let x1 = ax + dx * t;
        let y1 = ay + dy * t;
        let x2 = bx - dx * t;
        let y2 = by - dy * t;
        // Labels sit 40% of the way along, so the two arrows of a pair (and arrows
        // crossing in the middle) keep their labels apart.
        let (mx, my) = (x1 + (x2 - x1) * 0.4, y1 + (y2 - y1) * 0.4);
        let label_offset = 12.0;
        let anchor = if nx > 0.3 {
            "start"
        } else if nx < -0.3 {
            "end"
        } else {
            "middle"
        };
        Segment {
            x1: x1.round() as i32,
            y1: y1.round() as i32,
            x2: x2.round() as i32,
            y2: y2.round() as i32,
            lx: (mx + nx * label_offset).round() as i32,
            ly: (my + ny * label_offset).round() as i32,
            anchor,
        }
    }
}

/// How far along the line (dx, dy) from a box's centre its border is (a fraction of the
/// line), with a little room for the arrow head.
fn border_at(dx: f64, dy: f64) -> f64 {
    let hw = f64::from(NODE_W) / 2.0 + 4.0;
    let hh = f64::from(NODE_H) / 2.0 + 4.0;
    let tx = if dx.abs() < 1e-9 {
        f64::INFINITY
    } else {
        hw / dx.abs()
    };
    let ty = if dy.abs() < 1e-9 {
        f64::INFINITY
    } else {
        hh / dy.abs()
    };
    tx.min(ty)
}
