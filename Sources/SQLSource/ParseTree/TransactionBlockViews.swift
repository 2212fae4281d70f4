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
            if options.contains(where: { $0.name == "concurrently" && $0.argument?.constant?.text != "false" }) {
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
        case PG_QUERY__NODE__NODE_CREATE_SUBSCRIPTION_STMT: return "CREATE SUBSCRIPTION (it creates a replication slot)"
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
