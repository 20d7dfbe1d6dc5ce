package org.persistenceexplorer.service.console;

import java.util.List;
import java.util.Map;
import org.persistenceexplorer.domain.console.ConsoleMode;
import org.persistenceexplorer.domain.console.Preset;

/**
 * The course's queries on the HR sample (SQL, the same in HQL where HQL can, and the org
 * graph in Cypher), each with one sentence of what it teaches. {@code PresetsTest} runs every
 * one against the sample data and expects rows.
 */
public final class Presets {

    /** An employee four levels below the CEO in the sample (250 -> 42 -> 8 -> 1). */
    static final String DEEP_EMPLOYEE = "250";

    private Presets() {
    }

    public static List<Preset> all() {
        return List.of(
                new Preset(ConsoleMode.SQL, "Employees with their department (JOIN)",
                        "A join matches each employee row with its department row through the foreign key.", """
                        SELECT e.name, e.title, d.name AS department
                        FROM hr.employee e
                        JOIN hr.department d ON d.id = e.department_id
                        ORDER BY d.name, e.name;""", Map.of()),
                new Preset(ConsoleMode.SQL, "Salary statistics per department (GROUP BY / HAVING)",
                        "GROUP BY folds rows into one per department; HAVING filters those groups, WHERE could not.", """
                        SELECT d.name AS department, count(*) AS people,
                               round(avg(e.salary), 2) AS average, min(e.salary) AS lowest, max(e.salary) AS highest
                        FROM hr.employee e
                        JOIN hr.department d ON d.id = e.department_id
                        GROUP BY d.name
                        HAVING count(*) >= 10
                        ORDER BY average DESC;""", Map.of()),
                new Preset(ConsoleMode.SQL, "Above their department's average (correlated subquery)",
                        "The subquery runs per outer row: it sees the outer employee's department.", """
                        SELECT e.name, e.salary, d.name AS department
                        FROM hr.employee e
                        JOIN hr.department d ON d.id = e.department_id
                        WHERE e.salary > (SELECT avg(x.salary) FROM hr.employee x
                                          WHERE x.department_id = e.department_id)
                        ORDER BY d.name, e.salary DESC;""", Map.of()),
                new Preset(ConsoleMode.SQL, "The management chain of a person (recursive CTE)",
                        "WITH RECURSIVE repeats its second half, each round one manager further up, until the top.", """
                        WITH RECURSIVE chain AS (
                            SELECT id, name, title, manager_id, 0 AS level
                            FROM hr.employee WHERE id = :id
                          UNION ALL
                            SELECT m.id, m.name, m.title, m.manager_id, chain.level + 1
                            FROM hr.employee m JOIN chain ON m.id = chain.manager_id
                        )
                        SELECT level, name, title FROM chain ORDER BY level;""", Map.of("id", DEEP_EMPLOYEE)),
                new Preset(ConsoleMode.SQL, "Salary rank per department (window function)",
                        "A window function ranks rows within each partition without folding them like GROUP BY.", """
                        SELECT d.name AS department, e.name, e.salary,
                               rank() OVER (PARTITION BY e.department_id ORDER BY e.salary DESC) AS rank_in_department
                        FROM hr.employee e
                        JOIN hr.department d ON d.id = e.department_id
                        ORDER BY d.name, rank_in_department;""", Map.of()),
                new Preset(ConsoleMode.SQL, "Search by name, concatenated (SQL injection)",
                        "Pasted into the text, the search ' OR '1'='1 rewrites the query and returns everyone.", """
                        SELECT name, email, salary FROM hr.employee WHERE name = '' OR '1'='1';""", Map.of()),
                new Preset(ConsoleMode.SQL, "Search by name, bound (no injection)",
                        "Bound as a parameter, the same search is only a value: no employee has that name.", """
                        SELECT name, email, salary FROM hr.employee WHERE name = :name;""",
                        Map.of("name", "' OR '1'='1")),
                new Preset(ConsoleMode.HQL, "Employees with their department (HQL join)",
                        "HQL joins along the mapped association (e.department), not along columns.", """
                        select e.name, e.title, d.name from Employee e join e.department d order by d.name, e.name""",
                        Map.of()),
                new Preset(ConsoleMode.HQL, "Salary statistics per department (HQL GROUP BY / HAVING)",
                        "The same grouping in HQL; see the SQL Hibernate writes for it.", """
                        select d.name, count(e), avg(e.salary), max(e.salary)
                        from Employee e join e.department d
                        group by d.name
                        having count(e) >= 10
                        order by avg(e.salary) desc""", Map.of()),
                new Preset(ConsoleMode.HQL, "Above their department's average (HQL subquery)",
                        "Correlated subqueries work in HQL too; the result rows are Employee entities.", """
                        from Employee e
                        where e.salary > (select avg(x.salary) from Employee x where x.department = e.department)
                        order by e.salary desc""", Map.of()),
                new Preset(ConsoleMode.HQL, "Salary rank per department (HQL window function)",
                        "Hibernate 6+ passes window functions through to SQL.", """
                        select e.department.name, e.name, e.salary,
                               rank() over (partition by e.department.id order by e.salary desc)
                        from Employee e
                        order by e.department.name, e.salary desc""", Map.of()),
                new Preset(ConsoleMode.CYPHER, "Direct and indirect reports of a person",
                        "A variable-length pattern [:REPORTS_TO*1..] follows the reporting line any number of levels down.", """
                        MATCH path = (p:Person)-[:REPORTS_TO*1..]->(boss:Person {employeeId: $id})
                        RETURN p.name AS name, p.title AS title, length(path) AS levels_below
                        ORDER BY levels_below, name""", Map.of("id", "2")),
                new Preset(ConsoleMode.CYPHER, "Shortest path between two people (reporting line)",
                        "shortestPath finds the fewest hops between two nodes, in either direction.", """
                        MATCH (a:Person {employeeId: $from}), (b:Person {employeeId: $to})
                        MATCH path = shortestPath((a)-[:REPORTS_TO*]-(b))
                        RETURN path, length(path) AS hops""", Map.of("from", DEEP_EMPLOYEE, "to", "300")),
                new Preset(ConsoleMode.CYPHER, "The shortest delegation path",
                        "Who may act for whom, through which chain of DELEGATES_TO; says so when the graph has none yet.", """
                        MATCH (a:Person {employeeId: $from}), (b:Person {employeeId: $to})
                        CALL { MATCH ()-[d:DELEGATES_TO]->() RETURN count(d) AS delegations }
                        OPTIONAL MATCH path = shortestPath((a)-[:DELEGATES_TO*]->(b))
                        RETURN a.name AS from, b.name AS to, delegations, path,
                               CASE WHEN delegations = 0 THEN 'The graph has no DELEGATES_TO relationships yet'
                                    WHEN path IS NULL THEN 'No delegation chain from ' + a.name + ' to ' + b.name
                                    ELSE 'A chain of ' + length(path) + ' delegations' END AS answer""",
                        Map.of("from", DEEP_EMPLOYEE, "to", "1")),
                new Preset(ConsoleMode.CYPHER, "People without a manager",
                        "NOT (p)-[:REPORTS_TO]->() keeps the nodes that lack a pattern: the top of the tree.", """
                        MATCH (p:Person)
                        WHERE NOT (p)-[:REPORTS_TO]->()
                        RETURN p.name AS name, p.title AS title, p.department AS department""", Map.of()));
    }
}
