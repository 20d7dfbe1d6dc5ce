import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.persistenceexplorer.service.hrdata.HrCompany;

/**
 * Writes the HR sample company (see {@code HrCompany} in the app: departments, a management
 * tree of employees, projects and assignments) as one SQL script for the hr migration track,
 * on standard output. Deterministic: the same employee count always gives the same file.
 * Needs the app's classes (run {@code mvn compile} once):
 *
 * <pre>
 * java -cp target/classes sample-data/generators/HrSampleData.java [employeeCount] > sample-data/migrations/hr/V2__hr_sample_data.sql
 * </pre>
 *
 * The shipped script uses 300 employees. For big data sets use the app's generator (Tables
 * tab), which writes the same company straight into the database with COPY.
 */
public final class HrSampleData {

    static final int ROWS_PER_INSERT = 100;

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : HrCompany.SAMPLE_EMPLOYEES;
        if (count < HrCompany.MIN_EMPLOYEES) {
            System.err.println("Use at least " + HrCompany.MIN_EMPLOYEES
                    + " employees (one CEO, a VP and a team per department).");
            System.exit(2);
        }
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8),
                1 << 16));
        Script script = new Script();
        HrCompany.Summary summary = new HrCompany(count).write(script);
        script.print(out, count, summary);
        out.flush();
    }

    /** Keeps the rows until the budgets are known: departments come first in the script. */
    static final class Script implements HrCompany.Rows {
        final List<String[]> departments = new ArrayList<>();
        final List<String> employees = new ArrayList<>();
        final List<String> projects = new ArrayList<>();
        final List<String> assignments = new ArrayList<>();
        long[] budgets;

        @Override
        public void department(int id, String name, String createdAt) {
            departments.add(new String[] {Integer.toString(id), name, createdAt});
        }

        @Override
        public void employee(int id, String name, String email, String title, int salary, LocalDate hiredOn,
                             int departmentId, int managerId) {
            employees.add(String.format(Locale.ROOT, "(%d, %s, %s, %s, %d.00, '%s', %d, %s)", id, quote(name),
                    quote(email), quote(title), salary, hiredOn, departmentId,
                    managerId == 0 ? "NULL" : Integer.toString(managerId)));
        }

        @Override
        public void project(int id, String name, int departmentId, LocalDate startedOn) {
            projects.add(String.format(Locale.ROOT, "(%d, %s, %d, '%s')", id, quote(name), departmentId, startedOn));
        }

        @Override
        public void assignment(int employeeId, int projectId) {
            assignments.add("(" + employeeId + ", " + projectId + ")");
        }

        @Override
        public void budgets(long[] budgets) {
            this.budgets = budgets;
        }

        void print(PrintWriter out, int count, HrCompany.Summary s) {
            out.println("-- HR sample, step 2: the sample data.");
            out.println("-- GENERATED, do not edit by hand. Regenerate (same count, same file; fixed seed "
                    + HrCompany.SEED + "):");
            out.println("--   java -cp target/classes sample-data/generators/HrSampleData.java " + count
                    + " > sample-data/migrations/hr/V2__hr_sample_data.sql");
            out.printf(Locale.ROOT, "-- %d departments, %d employees (1 CEO, %d VPs, %d directors, %d managers, %d staff),%n",
                    s.departments(), s.employees(), s.vps(), s.directors(), s.managers(), s.staff());
            out.printf(Locale.ROOT, "-- %d projects, %d project assignments. Names are random combinations, not real people.%n",
                    s.projects(), s.assignments());
            out.println("-- Ids are explicit (a manager's id is smaller than their reports' ids); the identity");
            out.println("-- sequences are moved past them at the end so later inserts get fresh ids.");
            out.println();
            List<String> rows = new ArrayList<>();
            for (String[] d : departments) {
                rows.add(String.format(Locale.ROOT, "(%s, %s, %d.00, '%s')", d[0], quote(d[1]),
                        budgets[Integer.parseInt(d[0]) - 1], d[2]));
            }
            insert(out, "department (id, name, budget, created_at)", rows);
            insert(out, "employee (id, name, email, title, salary, hired_on, department_id, manager_id)", employees);
            insert(out, "project (id, name, department_id, started_on)", projects);
            insert(out, "employee_project (employee_id, project_id)", assignments);
            out.println("ALTER TABLE department ALTER COLUMN id RESTART WITH " + (departments.size() + 1) + ";");
            out.println("ALTER TABLE employee ALTER COLUMN id RESTART WITH " + (employees.size() + 1) + ";");
            out.println("ALTER TABLE project ALTER COLUMN id RESTART WITH " + (projects.size() + 1) + ";");
        }
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static void insert(PrintWriter out, String table, List<String> rows) {
        for (int start = 0; start < rows.size(); start += ROWS_PER_INSERT) {
            List<String> chunk = rows.subList(start, Math.min(rows.size(), start + ROWS_PER_INSERT));
            out.println("INSERT INTO " + table + " VALUES");
            out.print(String.join(",\n", chunk));
            out.println(";");
            out.println();
        }
    }
}
