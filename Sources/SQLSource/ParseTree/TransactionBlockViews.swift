import CPgQuery

extension Node {
    /// Why PostgreSQL refuses this statement inside a transaction block
    /// ("cannot run inside a transaction block"), or nil when it does not.
    /// The runner and the rehearsal decide from this where it may run.
    public var transactionBlockRestriction: String? {
        switch tag {
        case PG_QUERY__NODE__NODE_INDEX_STMT where raw.pointee.index_stmt.pointee.concurrent != 0:
            return "CREATE INDEX CONCURRENTLY"
        case PG_QUERY__NODE__NODE_DROP_STMT where raw.pointee.drop_stmt.pointee.concurrent != 0:
            return "DROP INDEX CONCURRENTLY"
        case PG_QUERY__NODE__NODE_REINDEX_STMT:
            let stmt = raw.pointee.reindex_stmt.pointee
            let options = nodes(stmt.n_params, stmt.params).compactMap(\.defElem)
            if options.contains(where: { $0.name == "concurrently" && $0.booleanValue != false }) {
                return "REINDEX CONCURRENTLY"
            }
            // REINDEX SCHEMA, SYSTEM and DATABASE cannot run in a block either.
            let wholeSchemas = [PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_SCHEMA, PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_SYSTEM,
                                PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_DATABASE]
            return wholeSchemas.contains(stmt.kind) ? "REINDEX SCHEMA/SYSTEM/DATABASE" : nil
        case PG_QUERY__NODE__NODE_VACUUM_STMT where raw.pointee.vacuum_stmt.pointee.is_vacuumcmd != 0:
            return "VACUUM"
        case PG_QUERY__NODE__NODE_CLUSTER_STMT where raw.pointee.cluster_stmt.pointee.relation == nil:
            return "CLUSTER without a table"
        case PG_QUERY__NODE__NODE_CREATEDB_STMT: return "CREATE DATABASE"
        case PG_QUERY__NODE__NODE_DROPDB_STMT: return "DROP DATABASE"
        case PG_QUERY__NODE__NODE_CREATE_TABLE_SPACE_STMT: return "CREATE TABLESPACE"
        case PG_QUERY__NODE__NODE_DROP_TABLE_SPACE_STMT: return "DROP TABLESPACE"
        case PG_QUERY__NODE__NODE_ALTER_SYSTEM_STMT: return "ALTER SYSTEM"
        case PG_QUERY__NODE__NODE_CREATE_SUBSCRIPTION_STMT:
            let stmt = raw.pointee.create_subscription_stmt.pointee
            let options = nodes(stmt.n_options, stmt.options).compactMap(\.defElem)
            // connect = false implies create_slot = false: no slot, no restriction.
            let noSlot = options.contains { ($0.name == "create_slot" || $0.name == "connect") && $0.booleanValue == false }
            return noSlot ? nil : "CREATE SUBSCRIPTION (it creates a replication slot)"
        case PG_QUERY__NODE__NODE_ALTER_SUBSCRIPTION_STMT:
            let stmt = raw.pointee.alter_subscription_stmt.pointee
            switch stmt.kind {
            case PG_QUERY__ALTER_SUBSCRIPTION_TYPE__ALTER_SUBSCRIPTION_REFRESH:
                return "ALTER SUBSCRIPTION ... REFRESH PUBLICATION"
            case PG_QUERY__ALTER_SUBSCRIPTION_TYPE__ALTER_SUBSCRIPTION_SET_PUBLICATION,
                 PG_QUERY__ALTER_SUBSCRIPTION_TYPE__ALTER_SUBSCRIPTION_ADD_PUBLICATION,
                 PG_QUERY__ALTER_SUBSCRIPTION_TYPE__ALTER_SUBSCRIPTION_DROP_PUBLICATION:
                // These refresh by default (`WITH (refresh = false)` opts out).
                let options = nodes(stmt.n_options, stmt.options).compactMap(\.defElem)
                let refreshes = !options.contains { $0.name == "refresh" && $0.booleanValue == false }
                return refreshes ? "ALTER SUBSCRIPTION ... PUBLICATION with refresh" : nil
            default:
                return nil
            }
        case PG_QUERY__NODE__NODE_DISCARD_STMT where raw.pointee.discard_stmt.pointee.target == PG_QUERY__DISCARD_MODE__DISCARD_ALL:
            return "DISCARD ALL"
        case PG_QUERY__NODE__NODE_ALTER_DATABASE_STMT:
            let stmt = raw.pointee.alter_database_stmt.pointee
            let options = nodes(stmt.n_options, stmt.options).compactMap(\.defElem)
            return options.contains { $0.name == "tablespace" } ? "ALTER DATABASE ... SET TABLESPACE" : nil
        case PG_QUERY__NODE__NODE_DROP_SUBSCRIPTION_STMT: return "DROP SUBSCRIPTION (it drops a replication slot)"
        case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT:
            let detaches = alterTable?.commands.contains { command in
                guard command.action == .detachPartition, let def = command.raw.pointee.def,
                      def.pointee.node_case == PG_QUERY__NODE__NODE_PARTITION_CMD else { return false }
                return def.pointee.partition_cmd.pointee.concurrent != 0
            } ?? false
            return detaches ? "ALTER TABLE ... DETACH PARTITION CONCURRENTLY" : nil
        default:
            return nil
        }
    }
}
