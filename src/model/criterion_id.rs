//! The name of each scoring criterion, apart from the registry ([`super::criteria`]) that
//! holds their rows and rules: the rules (`MigrationPath::CRITERIA`) and the profile's weights
//! name criteria, and the criteria import both, so the name is a leaf they all stand on. Its
//! key, row and (de)serialisation stay with the registry (`CriterionId::spec`).

/// One scoring criterion. It is written as its `key` wherever it is serialised.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CriterionId {
    ResourceEfficiency,
    Cost,
    StartupSpeed,
    RuntimePerformance,
    Isolation,
    Patching,
    SupplyChain,
    OsFlexibility,
    Portability,
    Scalability,
    DeliverySpeed,
    NetworkingSimplicity,
    MigrationEffort,
    ResilienceFit,
    HeavyWorkloads,
    Nesting,
}
