package com.orderflow.bench;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Camunda history for the populated database: the engine runs the real modifications of the bench (so
 * the rows are what the engine writes: instances, activities, tasks, variables, identity links, the
 * decision with its inputs and outputs, operation logs, byte arrays), and this copies each finished one
 * as often as needed, in the database itself (INSERT … SELECT), every id of an instance and of what
 * belongs to it rewritten alike in every table (its last five characters, the UUID's node part, become
 * {@code r<copy>}; the length stays, so a composite id such as {@code activity:uuid} still fits), so Cockpit,
 * history queries and the history cleanup find consistent instances, with their originals' removal time.
 */
final class HistoryReplicas {

    /** The columns that hold ids of the instance or of its parts; definition, activity and user ids stay. */
    private static final Set<String> INSTANCE_IDS = Set.of("id_", "proc_inst_id_", "root_proc_inst_id_",
            "execution_id_", "parent_act_inst_id_", "act_inst_id_", "task_id_", "call_proc_inst_id_",
            "super_process_instance_id_", "parent_task_id_", "bytearray_id_", "var_inst_id_", "dec_inst_id_",
            "root_dec_inst_id_", "process_instance_id_", "job_id_", "job_exception_stack_id_", "operation_id_",
            "error_details_id_", "ext_task_id_");
    private static final String SOURCES = """
            select id_ from act_hi_procinst where proc_def_key_ = '%s' and end_time_ is not null
                and id_ !~ 'r[0-9]{4}$'""";

    /** The copy number g of an id: 'r' is no hex digit, so no copy meets an id the engine made. */
    private static String copyOf(String column) {
        return "case when length(" + column + ") > 8 then left(" + column + ", length(" + column
                + ") - 5) || 'r' || lpad(g::text, 4, '0') else " + column + " || 'r' || g end";
    }

    private final JdbcTemplate jdbc;

    HistoryReplicas(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Copies the finished instances of the process until there are at least {@code target} (at least one
     * copy each); returns the ids of the copies.
     */
    List<String> replicate(String processKey, long target) {
        String sources = String.format(SOURCES, processKey);
        long finished = jdbc.queryForObject("select count(*) from (" + sources + ") s", Long.class);
        if (finished == 0) {
            throw new IllegalStateException("No finished " + processKey + " instance to copy");
        }
        long copies = Math.min(9999, Math.max(1, (target - finished + finished - 1) / finished));
        List<String> tables = jdbc.queryForList("""
                select table_name from information_schema.columns
                where table_schema = current_schema() and column_name = 'root_proc_inst_id_'
                    and (table_name like 'act_hi_%' or table_name = 'act_ge_bytearray')
                order by table_name""", String.class);
        for (String table : tables) {
            copy(table, sources, copies);
        }
        return jdbc.queryForList("select " + copyOf("p.id_") + " from (" + sources
                + ") p, generate_series(1, ?) g order by g, p.id_", String.class, copies);
    }

    private void copy(String table, String sources, long copies) {
        List<String> columns = jdbc.queryForList("""
                select column_name from information_schema.columns
                where table_schema = current_schema() and table_name = ? order by ordinal_position""", String.class,
                table);
        String values = columns.stream()
                .map(c -> INSTANCE_IDS.contains(c) ? copyOf("s." + c) : "s." + c)
                .collect(Collectors.joining(", "));
        jdbc.update("insert into " + table + " (" + String.join(", ", columns) + ") select " + values + " from "
                + table + " s, generate_series(1, ?) g where s.root_proc_inst_id_ in (" + sources + ")", copies);
    }
}
