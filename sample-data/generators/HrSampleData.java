import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes the HR sample company (see {@code HrCompany} in the app: departments, a management
 * tree of employees, projects and assignments) as one SQL script for the hr migration track,
 * on standard output. Deterministic: the same employee count always gives the same file.
 * Needs the app's compiled classes (run {@code mvn compile} once), which it loads from
 * {@code target/classes} by reflection so that the command stays the one in V2's header
 * (changing that header would change an applied migration's checksum):
 *
 * <pre>
 * java sample-data/generators/HrSampleData.java [employeeCount] > sample-data/migrations/hr/V2__hr_sample_data.sql
 * </pre>
 *
 * The shipped script uses 300 employees. For big data sets use the app's generator (Tables
 * tab), which writes the same company straight into the database with COPY.
 */
public final class HrSampleData {

    static final int ROWS_PER_INSERT = 100;
    static final String COMPANY = "org.persistenceexplorer.service.hrdata.HrCompany";
    static final long SEED = 20_240_917L;
    static final int MIN_EMPLOYEES = 60;

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 300;
        if (count < MIN_EMPLOYEES) {
            System.err.println("Use at least " + MIN_EMPLOYEES + " employees (one CEO, a VP and a team per department).");
            System.exit(2);
        }
        ClassLoader app = appClasses();
        Class<?> company = Class.forName(COMPANY, true, app);
        Class<?> rows = Class.forName(COMPANY + "$Rows", true, app);
        Script script = new Script();
        Object proxy = Proxy.newProxyInstance(app, new Class<?>[] {rows}, (self, method, a) -> script.take(method, a));
        Object summary = company.getMethod("write", rows).invoke(company.getConstructor(int.class).newInstance(count), proxy);
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8),
                1 << 16));
        script.print(out, count, summary);
        out.flush();
    }

    /** The app's classes: on the class path if given, else the build's target/classes. */
    static ClassLoader appClasses() throws Exception {
        try {
            Class.forName(COMPANY);
            return HrSampleData.class.getClassLoader();
        } catch (ClassNotFoundException notOnClassPath) {
            Path classes = Path.of("target", "classes");
            if (!Files.isDirectory(classes.resolve("org"))) {
                System.err.println("Compile the app first (mvn compile): this script uses its HrCompany from target/classes.");
                System.exit(2);
            }
            return new URLClassLoader(new URL[] {classes.toUri().toURL()}, HrSampleData.class.getClassLoader());
        }
    }

    /** The company's rows as they come (an HrCompany.Rows by reflection), kept until the budgets are known. */
    static final class Script {
        final List<String[]> departments = new ArrayList<>();
        final List<String> employees = new ArrayList<>();
        final List<String> projects = new ArrayList<>();
        final List<String> assignments = new ArrayList<>();
        long[] budgets;

        Object take(Method method, Object[] a) {
            switch (method.getName()) {
                case "department" -> department((int) a[0], (String) a[1], (String) a[2]);
                case "employee" -> employee((int) a[0], (String) a[1], (String) a[2], (String) a[3], (int) a[4],
                        (LocalDate) a[5], (int) a[6], (int) a[7]);
                case "project" -> project((int) a[0], (String) a[1], (int) a[2], (LocalDate) a[3]);
                case "assignment" -> assignment((int) a[0], (int) a[1]);
                case "budgets" -> budgets((long[]) a[0]);
                default -> throw new IllegalArgumentException("HrCompany.Rows has a new method: " + method);
            }
            return null;
        }

        void department(int id, String name, String createdAt) {
            departments.add(new String[] {Integer.toString(id), name, createdAt});
        }

        void employee(int id, String name, String email, String title, int salary, LocalDate hiredOn,
                             int departmentId, int managerId) {
            employees.add(String.format(Locale.ROOT, "(%d, %s, %s, %s, %d.00, '%s', %d, %s)", id, quote(name),
                    quote(email), quote(title), salary, hiredOn, departmentId,
                    managerId == 0 ? "NULL" : Integer.toString(managerId)));
        }

        void project(int id, String name, int departmentId, LocalDate startedOn) {
            projects.add(String.format(Locale.ROOT, "(%d, %s, %d, '%s')", id, quote(name), departmentId, startedOn));
        }

        void assignment(int employeeId, int projectId) {
            assignments.add("(" + employeeId + ", " + projectId + ")");
        }

        void budgets(long[] budgets) {
            this.budgets = budgets;
        }

        void print(PrintWriter out, int count, Object summary) throws Exception {
            out.println("-- HR sample, step 2: the sample data.");
            out.println("-- GENERATED, do not edit by hand. Regenerate (same count, same file; fixed seed "
                    + SEED + "):");
            out.println("--   java sample-data/generators/HrSampleData.java " + count
                    + " > sample-data/migrations/hr/V2__hr_sample_data.sql");
            out.printf(Locale.ROOT, "-- %d departments, %d employees (1 CEO, %d VPs, %d directors, %d managers, %d staff),%n",
                    get(summary, "departments"), get(summary, "employees"), get(summary, "vps"),
                    get(summary, "directors"), get(summary, "managers"), get(summary, "staff"));
            out.printf(Locale.ROOT, "-- %d projects, %d project assignments. Names are random combinations, not real people.%n",
                    get(summary, "projects"), get(summary, "assignments"));
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

    private static Object get(Object summary, String accessor) throws Exception {
        return summary.getClass().getMethod(accessor).invoke(summary);
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
