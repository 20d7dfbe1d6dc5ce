package org.persistenceexplorer.service.lab;

import java.util.List;
import org.hibernate.Session;
import org.hibernate.graph.GraphSemantic;
import org.hibernate.graph.RootGraph;
import org.hibernate.query.SelectionQuery;
import org.persistenceexplorer.domain.lab.Department;
import org.persistenceexplorer.domain.lab.Employee;

/**
 * What the lab loads: N owners and one association of each, read the way application code
 * reads it. Each scenario says which query loads the owners under each strategy (the HQL is
 * Hibernate's; the lab writes no SQL for a run) and which Java line touches the association.
 * Stateless; call on the thread that owns the session.
 */
public enum Scenario {

    DEPARTMENTS_EMPLOYEES("Departments -> employees (one-to-many)", "Department.employees",
            "department.getEmployees().size()") {
        @Override
        List<?> load(Session session, Strategy strategy, int parents) {
            return query(session, strategy, Department.class, "from LabDepartment d",
                    "select d from LabDepartment d left join fetch d.employees", "d.id", "employees");
        }

        @Override
        long touch(Object owner) {
            return ((Department) owner).getEmployees().size();
        }

        @Override
        long expectedSelects(Strategy strategy, int n, int k) {
            return collection(strategy, n, k);
        }
    },

    EMPLOYEES_MANAGER("Employees -> manager (many-to-one)", "Employee.manager",
            "employee.getManager().getName()") {
        @Override
        List<?> load(Session session, Strategy strategy, int parents) {
            // the second employee of each department: N people with N different managers
            return query(session, strategy, Employee.class, "from LabEmployee e where mod(e.id, 3) = 2",
                    "select e from LabEmployee e left join fetch e.manager where mod(e.id, 3) = 2", "e.id", "manager");
        }

        @Override
        long touch(Object owner) {
            return ((Employee) owner).getManager().getName().length();
        }

        @Override
        long expectedSelects(Strategy strategy, int n, int k) {
            return switch (strategy) {
                case LAZY, SUBSELECT -> 1L + n; // subselect fetching is for collections only
                case JOIN_FETCH, ENTITY_GRAPH, LAZY_AFTER_CLOSE -> 1;
                case BATCH -> 1L + ceil(n, k);
            };
        }
    },

    EMPLOYEES_PROJECTS("Employees <-> projects (many-to-many)", "Employee.projects",
            "employee.getProjects().size()") {
        @Override
        List<?> load(Session session, Strategy strategy, int parents) {
            // the first employee of each department: N people, two projects each
            return query(session, strategy, Employee.class, "from LabEmployee e where e.manager is null",
                    "select e from LabEmployee e left join fetch e.projects where e.manager is null", "e.id",
                    "projects");
        }

        @Override
        long touch(Object owner) {
            return ((Employee) owner).getProjects().size();
        }

        @Override
        long expectedSelects(Strategy strategy, int n, int k) {
            return collection(strategy, n, k);
        }
    },

    /**
     * Two levels: each department's employees, then each employee's projects. Lazy pays for both
     * levels (1 + N + 3N), batch fetching batches each level, subselect needs one query per level.
     */
    DEPARTMENTS_EMPLOYEES_PROJECTS("Departments -> employees -> projects (two levels)", "Department.employees.projects",
            "department.getEmployees().forEach(e -> e.getProjects().size())") {
        @Override
        List<?> load(Session session, Strategy strategy, int parents) {
            String plain = "from LabDepartment d";
            String joinFetch = "select d from LabDepartment d left join fetch d.employees e left join fetch e.projects";
            SelectionQuery<Department> query = session.createSelectionQuery(hql(plain, joinFetch, "d.id", strategy),
                    Department.class);
            if (strategy == Strategy.ENTITY_GRAPH) {
                RootGraph<Department> graph = session.createEntityGraph(Department.class);
                graph.addSubgraph("employees").addAttributeNodes("projects");
                query.setEntityGraph(graph, GraphSemantic.FETCH);
            }
            return query.getResultList();
        }

        @Override
        long touch(Object owner) {
            long projects = 0;
            for (Employee employee : ((Department) owner).getEmployees()) {
                projects += employee.getProjects().size();
            }
            return projects;
        }

        @Override
        long expectedSelects(Strategy strategy, int n, int k) {
            long people = (long) n * LabData.CHILDREN;
            return switch (strategy) {
                case LAZY -> 1L + n + people;
                case JOIN_FETCH, ENTITY_GRAPH, LAZY_AFTER_CLOSE -> 1;
                // k departments' employees per query, then k employees' projects per query
                case BATCH -> 1L + ceil(n, k) + (people + k - 1) / k;
                case SUBSELECT -> 3; // one subquery per level
            };
        }
    },

    /** The code reads only the names: any fetch of the employees is an eager load nobody used. */
    DEPARTMENT_NAMES("Department names only (unused eager load)", "Department.employees",
            "department.getName()") {
        @Override
        List<?> load(Session session, Strategy strategy, int parents) {
            return DEPARTMENTS_EMPLOYEES.load(session, strategy, parents);
        }

        @Override
        long touch(Object owner) {
            return ((Department) owner).getName().length();
        }

        @Override
        long expectedSelects(Strategy strategy, int n, int k) {
            return 1;
        }
    };

    private final String label;
    private final String relationship;
    private final String touchLine;

    Scenario(String label, String relationship, String touchLine) {
        this.label = label;
        this.relationship = relationship;
        this.touchLine = touchLine;
    }

    public String label() {
        return label;
    }

    /** The association the scenario is about, as a verdict names it ("Department.employees"). */
    public String relationship() {
        return relationship;
    }

    /** The Java line that touches the association, for step mode. */
    public String touchLine() {
        return touchLine;
    }

    /** Loads the owners with the strategy's query (batch size and subselect come from the session's settings). */
    abstract List<?> load(Session session, Strategy strategy, int parents);

    /** Reads the owner the way application code would; returns something so the read is not optimised away. */
    abstract long touch(Object owner);

    /** The SELECTs the strategy must cost at N owners and batch size k (the formula, tested). */
    abstract long expectedSelects(Strategy strategy, int n, int k);

    /** The HQL a strategy runs to load the owners, for the screen. */
    static String hql(String plain, String joinFetch, String order, Strategy strategy) {
        return (strategy == Strategy.JOIN_FETCH ? joinFetch : plain) + " order by " + order;
    }

    private static <T> List<T> query(Session session, Strategy strategy, Class<T> type, String plain, String joinFetch,
                                     String order, String attribute) {
        SelectionQuery<T> query = session.createSelectionQuery(hql(plain, joinFetch, order, strategy), type);
        if (strategy == Strategy.ENTITY_GRAPH) {
            RootGraph<T> graph = session.createEntityGraph(type);
            graph.addAttributeNodes(attribute);
            query.setEntityGraph(graph, GraphSemantic.FETCH);
        }
        return query.getResultList();
    }

    private static long collection(Strategy strategy, int n, int k) {
        return switch (strategy) {
            case LAZY -> 1L + n;
            case JOIN_FETCH, ENTITY_GRAPH, LAZY_AFTER_CLOSE -> 1;
            case BATCH -> 1L + ceil(n, k);
            case SUBSELECT -> 2;
        };
    }

    private static long ceil(int n, int k) {
        return (n + k - 1) / k;
    }
}
