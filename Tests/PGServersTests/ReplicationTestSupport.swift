import Testing

/// Every test that starts a publisher/subscriber pair is nested in this
/// suite: serialized, so that two cores are not asked to run several pairs
/// (four servers and their workers) at once.
@Suite(.serialized)
struct ReplicationTests {}
