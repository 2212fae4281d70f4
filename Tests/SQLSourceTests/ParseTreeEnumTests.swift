import CPgQuery
import Testing
@testable import SQLSource

/// Each Swift enum against libpg_query itself: the protobuf-c descriptors
/// compiled into the library name every value, so a case mapped to the wrong
/// constant, a constant the header renumbered but the library did not, or
/// two constants read as one case fails here.
@Suite struct ParseTreeEnumTests {
    @Test func alterTableActions() {
        check(AlterTableAction.self, pg_query__alter_table_type__descriptor, prefix: "AT_", aliases: [
            .enableTrigger: "AT_EnableTrig", .enableAlwaysTrigger: "AT_EnableAlwaysTrig",
            .enableReplicaTrigger: "AT_EnableReplicaTrig", .disableTrigger: "AT_DisableTrig",
            .enableAllTriggers: "AT_EnableTrigAll", .disableAllTriggers: "AT_DisableTrigAll",
            .enableUserTriggers: "AT_EnableTrigUser", .disableUserTriggers: "AT_DisableTrigUser",
        ])
    }

    @Test func objectKinds() {
        check(ObjectKind.self, pg_query__object_type__descriptor, prefix: "OBJECT_", aliases: [
            .undefined: "OBJECT_TYPE_UNDEFINED", .materializedView: "OBJECT_MATVIEW", .tableConstraint: "OBJECT_TABCONSTRAINT",
            .domainConstraint: "OBJECT_DOMCONSTRAINT",
        ])
    }

    @Test func constraintKinds() {
        check(ConstraintKind.self, pg_query__constr_type__descriptor, prefix: "CONSTR_", aliases: [
            .defaultValue: "CONSTR_DEFAULT", .primaryKey: "CONSTR_PRIMARY", .foreignKey: "CONSTR_FOREIGN",
            .deferrable: "CONSTR_ATTR_DEFERRABLE", .notDeferrable: "CONSTR_ATTR_NOT_DEFERRABLE",
            .deferred: "CONSTR_ATTR_DEFERRED", .immediate: "CONSTR_ATTR_IMMEDIATE",
        ])
    }

    @Test func transactionKinds() {
        check(TransactionKind.self, pg_query__transaction_stmt_kind__descriptor, prefix: "TRANS_STMT_")
    }

    @Test func dropBehaviors() {
        check(DropBehavior.self, pg_query__drop_behavior__descriptor, prefix: "DROP_", aliases: [.unspecified: "DROP_BEHAVIOR_UNDEFINED"])
    }

    @Test func sqlValueFunctions() {
        check(SQLValueFunctionKind.self, pg_query__sqlvalue_function_op__descriptor, prefix: "SVFOP_")
    }

    @Test func publicationActionsAndObjects() {
        check(AlterPublication.Action.self, pg_query__alter_publication_action__descriptor, prefix: "AP_", aliases: [
            .optionsOnly: "ALTER_PUBLICATION_ACTION_UNDEFINED", .add: "AP_AddObjects", .drop: "AP_DropObjects", .set: "AP_SetObjects",
        ])
        check(PublicationObject.Kind.self, pg_query__publication_obj_spec_type__descriptor, prefix: "PUBLICATIONOBJ_",
              aliases: [.tablesInCurrentSchema: "PUBLICATIONOBJ_TABLES_IN_CUR_SCHEMA"])
    }

    /// Reads every constant libpg_query's descriptor lists: each case but the
    /// fallback (what an unknown value reads as) must come from exactly one
    /// constant, named `prefix` + the case's name (case and underscores aside)
    /// or its alias; the fallback from its alias, when it has one.
    private func check<E: ParseTreeEnum>(_: E.Type, _ descriptor: ProtobufCEnumDescriptor, prefix: String,
                                         aliases: [E: String] = [:],
                                         sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let fallback = E(E.CEnum(rawValue: 10_000)!)
        var constants: [E: [String]] = [:]
        for k in 0..<Int(descriptor.n_values) {
            let value = descriptor.values[k]
            constants[E(E.CEnum(rawValue: UInt32(value.value))!), default: []].append(String(cString: value.name))
        }
        func squashed(_ s: String) -> String { s.lowercased().filter { $0 != "_" } }
        for value in E.allCases {
            let expected = squashed(aliases[value] ?? prefix + "\(value)")
            let read = (constants[value] ?? []).map(squashed)
            if value == fallback {
                #expect(aliases[value] == nil || read.contains(expected), "\(value) does not read from \(expected)",
                        sourceLocation: sourceLocation)
            } else {
                #expect(read == [expected], "\(value) reads from \(constants[value] ?? [])", sourceLocation: sourceLocation)
            }
        }
    }
}
