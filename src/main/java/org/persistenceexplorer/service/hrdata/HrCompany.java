package org.persistenceexplorer.service.hrdata;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A made-up company of any size in the HR track's shape: departments, a management tree of
 * employees, projects and who works on which. Deterministic: a fixed seed, so the same employee
 * count always gives the same company (the shipped sample, migration V2, is this company at 300;
 * {@code sample-data/generators/HrSampleData.java} prints it as SQL).
 *
 * <p>The tree: one CEO (Executive department) with a small executive staff and one VP per other
 * department; under each VP directors (only when a department is large), managers, and staff,
 * with spans of 5 to 9 direct reports. Ids are assigned level by level, so a manager's id is
 * always smaller than the ids of the people who report to them.
 *
 * <p>Rows are handed to a {@link Rows} one at a time, in an order the foreign keys accept, and
 * people are described as they are handed over: a million employees keep only the tree in
 * memory (some 100 MB), never their names. Plain Java, no database; not thread-safe (one
 * company, one thread).
 */
public final class HrCompany {

    /** Where the rows go, in this order: departments, employees, projects, assignments, budgets. */
    public interface Rows {
        void department(int id, String name, String createdAt) throws Exception;

        /** @param managerId 0 for the CEO */
        void employee(int id, String name, String email, String title, int salary, LocalDate hiredOn,
                      int departmentId, int managerId) throws Exception;

        void project(int id, String name, int departmentId, LocalDate startedOn) throws Exception;

        void assignment(int employeeId, int projectId) throws Exception;

        /** Last, because budgets follow from the payroll: {@code budgets[i]} is department {@code i + 1}'s. */
        void budgets(long[] budgets) throws Exception;
    }

    /** How many of each the company has. */
    public record Summary(int departments, int employees, int vps, int directors, int managers,
                          int projects, int assignments) {
        public int staff() {
            return employees - 1 - vps - directors - managers;
        }
    }

    /** Fixed, so the same employee count always gives the same company. */
    public static final long SEED = 20_240_917L;
    /** The size of the shipped sample (migration V2). */
    public static final int SAMPLE_EMPLOYEES = 300;
    /** The smallest company with a CEO, a VP and a team in every department. */
    public static final int MIN_EMPLOYEES = 60;
    static final LocalDate COMPANY_FOUNDED = LocalDate.of(2008, 3, 3);
    static final LocalDate DATA_AS_OF = LocalDate.of(2025, 6, 30);

    /** One department and what its people are called and paid. */
    record Dept(String name, double headcountWeight, double payFactor, String createdAt, String managerTitle,
                String directorTitle, String vpTitle, String leadTitle, int leadMin, int leadMax,
                List<StaffTitle> staff) {
    }

    record StaffTitle(String title, int minSalary, int maxSalary) {
    }

    static final Dept EXECUTIVE = new Dept("Executive", 0, 1.0, "2008-03-03 09:00:00+00", null, null, null,
            null, 0, 0, List.of());

    static final List<Dept> DEPARTMENTS = List.of(
            new Dept("Engineering", 0.23, 1.15, "2008-03-17 09:00:00+00", "Engineering Manager",
                    "Director of Engineering", "VP of Engineering", "Principal Engineer", 150_000, 185_000, List.of(
                    new StaffTitle("Software Engineer", 85_000, 115_000),
                    new StaffTitle("Senior Software Engineer", 115_000, 150_000),
                    new StaffTitle("QA Engineer", 70_000, 95_000),
                    new StaffTitle("DevOps Engineer", 90_000, 125_000),
                    new StaffTitle("Data Engineer", 90_000, 125_000))),
            new Dept("Sales", 0.17, 1.05, "2008-06-02 09:00:00+00", "Sales Manager",
                    "Director of Sales", "VP of Sales", "Senior Account Executive", 95_000, 125_000, List.of(
                    new StaffTitle("Sales Representative", 50_000, 70_000),
                    new StaffTitle("Account Executive", 65_000, 95_000),
                    new StaffTitle("Sales Engineer", 85_000, 115_000),
                    new StaffTitle("Sales Operations Analyst", 60_000, 80_000))),
            new Dept("Customer Support", 0.14, 0.85, "2009-01-12 09:00:00+00", "Support Manager",
                    "Director of Customer Support", "VP of Customer Support", "Support Team Lead", 62_000, 78_000,
                    List.of(
                    new StaffTitle("Support Specialist", 42_000, 55_000),
                    new StaffTitle("Senior Support Specialist", 52_000, 66_000),
                    new StaffTitle("Technical Support Engineer", 58_000, 75_000))),
            new Dept("Operations", 0.12, 0.90, "2009-04-06 09:00:00+00", "Operations Manager",
                    "Director of Operations", "VP of Operations", "Senior Operations Analyst", 72_000, 92_000,
                    List.of(
                    new StaffTitle("Operations Analyst", 55_000, 75_000),
                    new StaffTitle("Logistics Coordinator", 45_000, 60_000),
                    new StaffTitle("Facilities Coordinator", 42_000, 55_000),
                    new StaffTitle("Procurement Specialist", 52_000, 68_000))),
            new Dept("Marketing", 0.12, 0.95, "2009-09-14 09:00:00+00", "Marketing Manager",
                    "Director of Marketing", "VP of Marketing", "Senior Brand Strategist", 85_000, 110_000,
                    List.of(
                    new StaffTitle("Marketing Specialist", 52_000, 70_000),
                    new StaffTitle("Content Writer", 48_000, 65_000),
                    new StaffTitle("Product Marketer", 75_000, 100_000),
                    new StaffTitle("Graphic Designer", 55_000, 80_000),
                    new StaffTitle("SEO Specialist", 55_000, 72_000))),
            new Dept("Finance", 0.11, 1.00, "2010-02-01 09:00:00+00", "Finance Manager",
                    "Director of Finance", "VP of Finance", "Senior Financial Analyst", 88_000, 110_000, List.of(
                    new StaffTitle("Accountant", 58_000, 78_000),
                    new StaffTitle("Senior Accountant", 75_000, 95_000),
                    new StaffTitle("Financial Analyst", 65_000, 90_000),
                    new StaffTitle("Payroll Specialist", 50_000, 65_000))),
            new Dept("Human Resources", 0.11, 0.90, "2010-05-17 09:00:00+00", "HR Manager",
                    "Director of Human Resources", "VP of Human Resources", "Senior HR Business Partner",
                    85_000, 105_000, List.of(
                    new StaffTitle("HR Generalist", 52_000, 68_000),
                    new StaffTitle("Recruiter", 55_000, 75_000),
                    new StaffTitle("HR Business Partner", 72_000, 95_000),
                    new StaffTitle("Benefits Specialist", 50_000, 64_000))));

    static final String[] FIRST_NAMES = {
        "Aaron", "Abigail", "Adrian", "Aisha", "Alan", "Alice", "Amara", "Amelia", "Ana", "Andre",
        "Anna", "Arjun", "Ava", "Beatriz", "Ben", "Bianca", "Caleb", "Camila", "Carlos", "Chen",
        "Chloe", "Claire", "Daniel", "Diana", "Dmitri", "Elena", "Eli", "Emily", "Emma", "Erik",
        "Farah", "Felix", "Fiona", "Gabriel", "Grace", "Hana", "Hannah", "Hugo", "Ines", "Isaac",
        "Ivan", "Jade", "James", "Javier", "Julia", "Kai", "Karim", "Kate", "Kenji", "Laila",
        "Lars", "Laura", "Leo", "Lina", "Lucas", "Lucia", "Maya", "Mei", "Mia", "Miguel",
        "Mila", "Nadia", "Naomi", "Nathan", "Nia", "Nikhil", "Noah", "Nora", "Olga", "Omar",
        "Oscar", "Paula", "Pedro", "Priya", "Rafael", "Rania", "Ravi", "Rosa", "Ruth", "Sam",
        "Sara", "Sean", "Sofia", "Stefan", "Tariq", "Tess", "Theo", "Tomas", "Uma", "Vera",
        "Victor", "Wei", "Yara", "Yusuf", "Zara", "Zoe"
    };

    static final String[] LAST_NAMES = {
        "Abbott", "Adeyemi", "Alvarez", "Andersen", "Baker", "Banerjee", "Barnes", "Becker", "Bianchi", "Brennan",
        "Carter", "Castillo", "Chandra", "Coleman", "Costa", "Dalton", "Dubois", "Eriksen", "Fischer", "Fleming",
        "Foster", "Garcia", "Gomez", "Greene", "Haddad", "Hansen", "Hartley", "Hoffmann", "Ibrahim", "Ito",
        "Jansen", "Jensen", "Kaplan", "Kaur", "Keller", "Kim", "Kowalski", "Kumar", "Larsen", "Lee",
        "Lindqvist", "Lopez", "Marsh", "Martins", "Mendes", "Meyer", "Moreau", "Morris", "Murphy", "Nakamura",
        "Nguyen", "Novak", "Okafor", "Olsen", "Ortiz", "Park", "Patel", "Perez", "Petrov", "Quinn",
        "Ramos", "Reyes", "Richter", "Rossi", "Santos", "Schmidt", "Sato", "Shah", "Silva", "Singh",
        "Sokolov", "Suzuki", "Tanaka", "Torres", "Tran", "Turner", "Vargas", "Vogel", "Walsh", "Wagner",
        "Ward", "Weber", "Wong", "Yamamoto", "Young", "Zhang", "Zimmermann", "Bauer", "Cruz", "Duarte"
    };

    static final String[] PROJECT_NAMES = {
        "Atlas Data Platform", "Billing Revamp", "Customer Portal 2.0", "Mobile App Relaunch", "Search Relevance",
        "Enterprise Deals Program", "Partner Channel", "Help Center Overhaul", "Chatbot Pilot", "Warehouse Automation",
        "Vendor Consolidation", "Office Move Berlin", "Brand Refresh", "Spring Campaign", "Website Localization",
        "Quarterly Close Automation", "Budget Planning Tool", "Onboarding Journey", "Leadership Academy",
        "Benefits Portal"
    };
    /** Departments of the fixed project names above (indexes into DEPARTMENTS). */
    static final int[] PROJECT_DEPARTMENTS = {0, 0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 6, 6, 6};

    static final String[] CODE_ADJECTIVES = {
        "Amber", "Blue", "Bright", "Copper", "Crimson", "Silent", "Golden", "Green", "Iron", "Jade",
        "Lunar", "Misty", "Northern", "Open", "Quiet", "Rapid", "Silver", "Solar", "Swift", "Violet"
    };
    static final String[] CODE_NOUNS = {
        "Arrow", "Beacon", "Bridge", "Canyon", "Comet", "Falcon", "Forest", "Harbor", "Horizon", "Lantern",
        "Meadow", "Orbit", "Otter", "Pine", "Quartz", "River", "Summit", "Tide", "Voyager", "Willow"
    };

    enum Role { CEO, EXEC_STAFF, VP, DIRECTOR, MANAGER, LEAD, STAFF }

    static final class Person {
        final Person manager;
        final Dept dept;
        final List<Person> reports = new ArrayList<>();
        int id;
        int height;
        Role role;

        Person(Person manager, Dept dept) {
            this.manager = manager;
            this.dept = dept;
            if (manager != null) {
                manager.reports.add(this);
            }
        }
    }

    private static final Pattern NOT_IN_EMAILS = Pattern.compile("[^a-z.]");

    private final Random random = new Random(SEED);
    private final int employeeCount;

    /** @param employeeCount at least {@link #MIN_EMPLOYEES} */
    public HrCompany(int employeeCount) {
        if (employeeCount < MIN_EMPLOYEES) {
            throw new IllegalArgumentException("A company needs at least " + MIN_EMPLOYEES
                    + " employees (one CEO, a VP and a team per department), not " + employeeCount + ".");
        }
        this.employeeCount = employeeCount;
    }

    /**
     * Builds the company and hands its rows over. Call once per instance: the random sequence is
     * the company. A {@link Rows} method that throws stops it (cancel, a failed write).
     */
    public Summary write(Rows rows) throws Exception {
        List<Person> people = buildTree();
        List<Dept> allDepts = allDepartments();
        for (int i = 0; i < allDepts.size(); i++) {
            rows.department(i + 1, allDepts.get(i).name(), allDepts.get(i).createdAt());
        }
        long[] payroll = describePeople(people, rows);
        List<Project> projects = projects();
        for (Project project : projects) {
            rows.project(project.id(), project.name(), departmentId(project.dept()), project.startedOn());
        }
        int assignments = assignments(people, projects, rows);
        rows.budgets(budgets(payroll));
        int vps = 0;
        int directors = 0;
        int managers = 0;
        for (Person p : people) {
            vps += p.role == Role.VP ? 1 : 0;
            directors += p.role == Role.DIRECTOR ? 1 : 0;
            managers += p.role == Role.MANAGER ? 1 : 0;
        }
        return new Summary(allDepts.size(), people.size(), vps, directors, managers, projects.size(), assignments);
    }

    // ---- the management tree

    private List<Person> buildTree() {
        Person ceo = new Person(null, EXECUTIVE);
        ceo.role = Role.CEO;
        int executiveStaff = 2;
        int remaining = employeeCount - 1 - executiveStaff;
        int[] headcounts = split(remaining, DEPARTMENTS.stream().mapToDouble(Dept::headcountWeight).toArray());
        for (int i = 0; i < DEPARTMENTS.size(); i++) {
            Person vp = new Person(ceo, DEPARTMENTS.get(i));
            vp.role = Role.VP;
            place(vp, headcounts[i] - 1);
        }
        for (int i = 0; i < executiveStaff; i++) {
            new Person(ceo, EXECUTIVE).role = Role.EXEC_STAFF;
        }

        // Ids level by level: the CEO is 1, the VPs follow, then each lower level.
        List<Person> people = new ArrayList<>();
        Deque<Person> queue = new ArrayDeque<>(List.of(ceo));
        while (!queue.isEmpty()) {
            Person p = queue.removeFirst();
            p.id = people.size() + 1;
            people.add(p);
            queue.addAll(p.reports);
        }
        computeHeights(ceo);
        for (Person p : people) {
            if (p.role == null) {
                p.role = p.reports.isEmpty() ? (p.manager.role == Role.MANAGER ? Role.STAFF : Role.LEAD)
                        : p.height == 1 ? Role.MANAGER : Role.DIRECTOR;
            }
        }
        return people;
    }

    /** Gives {@code head} exactly {@code descendants} people below them, with spans of 5 to 9. */
    private void place(Person head, int descendants) {
        int n = descendants;
        if (n <= 0) {
            return;
        }
        if (n <= 9) {
            addStaff(head, n);
            return;
        }
        int lo = Math.max(5, (n + 9) / 10);
        int hi = Math.min(9, n / 6);
        if (lo <= hi) {
            // every direct report is a manager of 5 to 9 people, 7 on average
            double teamSize = 5 + random.nextDouble() * 4;
            int span = Math.max(lo, Math.min(hi, (int) Math.round(n / (1 + teamSize))));
            placeUnder(head, split(n - span, span), span);
        } else if (n >= 90) {
            // a large group: managers of managers (directors), recursively
            int span = between(5, 9);
            placeUnder(head, split(n - span, span), span);
        } else {
            // 10 to 29 people: a few managers with small teams plus senior individual contributors
            int span = between(5, Math.min(9, n - 5));
            int managers = (n - span) / 5;
            placeUnder(head, split(n - span, managers), span);
        }
    }

    private void placeUnder(Person head, int[] teamSizes, int span) {
        jitter(teamSizes);
        for (int i = 0; i < span; i++) {
            Person report = new Person(head, head.dept);
            if (i < teamSizes.length) {
                place(report, teamSizes[i]);
            }
        }
    }

    private void addStaff(Person head, int count) {
        for (int i = 0; i < count; i++) {
            new Person(head, head.dept);
        }
    }

    /** Moves a few people between teams without leaving the 5-9 band or crossing it. */
    private void jitter(int[] sizes) {
        for (int t = 0; t < sizes.length; t++) {
            int from = random.nextInt(sizes.length);
            int to = random.nextInt(sizes.length);
            int a = sizes[from];
            int b = sizes[to];
            boolean fromOk = a - 1 >= 5 && (a <= 9 || a - 1 >= 30);
            boolean toOk = b + 1 <= 9 || b >= 30;
            if (from != to && fromOk && toOk) {
                sizes[from]--;
                sizes[to]++;
            }
        }
    }

    private static int computeHeights(Person p) {
        int h = 0;
        for (Person r : p.reports) {
            h = Math.max(h, 1 + computeHeights(r));
        }
        p.height = h;
        return h;
    }

    // ---- who they are

    /** Describes each person in id order and hands them over; returns the payroll per department. */
    private long[] describePeople(List<Person> people, Rows rows) throws Exception {
        List<Dept> all = allDepartments();
        long[] payroll = new long[all.size()];
        Map<String, Integer> emailsTaken = new HashMap<>();
        Job job = new Job();
        for (Person p : people) {
            String first = pick(FIRST_NAMES);
            String last = pick(LAST_NAMES);
            String local = (first + "." + last).toLowerCase(Locale.ROOT);
            local = NOT_IN_EMAILS.matcher(local).replaceAll("");
            int n = emailsTaken.merge(local, 1, Integer::sum);
            String email = local + (n == 1 ? "" : Integer.toString(n)) + "@example.com";
            Dept d = p.dept;
            switch (p.role) {
                case CEO -> job.draw("Chief Executive Officer", 310_000, 360_000, COMPANY_FOUNDED, COMPANY_FOUNDED);
                case EXEC_STAFF -> {
                    boolean chief = p.manager.reports.indexOf(p) == DEPARTMENTS.size();
                    if (chief) {
                        job.draw("Chief of Staff", 160_000, 185_000, date(2009, 1, 1), date(2014, 12, 31));
                    } else {
                        job.draw("Executive Assistant", 62_000, 78_000, date(2010, 1, 1), date(2019, 12, 31));
                    }
                }
                case VP -> job.draw(d.vpTitle(), pay(185_000, d), pay(235_000, d), date(2008, 3, 3), date(2016, 12, 31));
                case DIRECTOR -> job.draw(p.height >= 3 ? "Senior " + d.directorTitle() : d.directorTitle(),
                        pay(p.height >= 3 ? 160_000 : 135_000, d), pay(p.height >= 3 ? 190_000 : 165_000, d),
                        date(2010, 1, 1), date(2019, 12, 31));
                case MANAGER -> job.draw(d.managerTitle(), pay(100_000, d), pay(128_000, d),
                        date(2011, 1, 1), date(2021, 12, 31));
                case LEAD -> job.draw(d.leadTitle(), d.leadMin(), d.leadMax(), date(2011, 1, 1), date(2022, 12, 31));
                case STAFF -> {
                    StaffTitle t = d.staff().get(random.nextInt(d.staff().size()));
                    job.draw(t.title(), t.minSalary(), t.maxSalary(), date(2012, 1, 1), DATA_AS_OF);
                }
            }
            int department = departmentId(d);
            payroll[department - 1] += job.salary;
            rows.employee(p.id, first + " " + last, email, job.title, job.salary, job.hiredOn, department,
                    p.manager == null ? 0 : p.manager.id);
        }
        return payroll;
    }

    /** The job of the person being described; reused, so describing a million people makes no garbage tree. */
    private final class Job {
        String title;
        int salary;
        LocalDate hiredOn;

        void draw(String title, int minSalary, int maxSalary, LocalDate hiredFrom, LocalDate hiredTo) {
            this.title = title;
            this.salary = roundTo(minSalary + random.nextInt(maxSalary - minSalary + 1), 500);
            this.hiredOn = hiredFrom.plusDays(random.nextInt((int) (hiredTo.toEpochDay() - hiredFrom.toEpochDay()) + 1));
        }
    }

    private static int pay(int base, Dept d) {
        return (int) Math.round(base * d.payFactor());
    }

    /** Budget per department: its payroll plus 40-80 % for everything else, in tens of thousands. */
    private long[] budgets(long[] payroll) {
        long[] budgets = new long[payroll.length];
        for (int i = 0; i < payroll.length; i++) {
            double factor = 1.4 + random.nextDouble() * 0.4;
            budgets[i] = Math.round(payroll[i] * factor / 10_000.0) * 10_000;
        }
        return budgets;
    }

    // ---- projects

    record Project(int id, String name, Dept dept, LocalDate startedOn) {
    }

    private List<Project> projects() {
        int count = Math.max(PROJECT_NAMES.length, employeeCount / 15);
        double[] weights = DEPARTMENTS.stream().mapToDouble(Dept::headcountWeight).toArray();
        // how often each generated base name is taken: the next one gets the next number, in one
        // step instead of a walk over every number already taken (66,666 projects at 1M people)
        Map<String, Integer> taken = new HashMap<>();
        List<Project> projects = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name;
            Dept dept;
            if (i < PROJECT_NAMES.length) {
                name = PROJECT_NAMES[i];
                dept = DEPARTMENTS.get(PROJECT_DEPARTMENTS[i]);
            } else {
                String base = "Project " + pick(CODE_ADJECTIVES) + " " + pick(CODE_NOUNS);
                int n = taken.merge(base, 1, Integer::sum);
                name = n == 1 ? base : base + " " + n;
                dept = DEPARTMENTS.get(weightedIndex(weights));
            }
            projects.add(new Project(i + 1, name, dept, date(2018, 1, 1).plusDays(random.nextInt(7 * 365))));
        }
        return projects;
    }

    /** Staff work on 0-3 projects, mostly their own department's; managers on at most one. */
    private int assignments(List<Person> people, List<Project> projects, Rows out) throws Exception {
        // identity: a record's hashCode walks all its fields, a million times over
        Map<Dept, List<Project>> byDept = new IdentityHashMap<>();
        for (Project project : projects) {
            byDept.computeIfAbsent(project.dept(), k -> new ArrayList<>()).add(project);
        }
        int written = 0;
        for (Person p : people) {
            int count;
            if (p.role == Role.STAFF || p.role == Role.LEAD) {
                int roll = random.nextInt(100);
                count = roll < 15 ? 0 : roll < 60 ? 1 : roll < 88 ? 2 : 3;
            } else if (p.role == Role.MANAGER) {
                count = random.nextInt(2);
            } else {
                count = 0;
            }
            List<Project> own = byDept.getOrDefault(p.dept, List.of());
            Set<Integer> chosen = new LinkedHashSet<>();
            while (chosen.size() < count) {
                List<Project> from = !own.isEmpty() && random.nextInt(100) < 75 ? own : projects;
                chosen.add(from.get(random.nextInt(from.size())).id());
            }
            for (int projectId : chosen.stream().sorted().toList()) {
                out.assignment(p.id, projectId);
                written++;
            }
        }
        return written;
    }

    // ---- small helpers

    private static List<Dept> allDepartments() {
        List<Dept> all = new ArrayList<>();
        all.add(EXECUTIVE);
        all.addAll(DEPARTMENTS);
        return all;
    }

    private static int departmentId(Dept dept) {
        if (dept == EXECUTIVE) {
            return 1;
        }
        for (int i = 0; i < DEPARTMENTS.size(); i++) {
            if (DEPARTMENTS.get(i) == dept) {
                return i + 2;
            }
        }
        throw new IllegalArgumentException(dept.name());
    }

    /** Splits {@code total} into parts proportional to the weights (largest remainder). */
    private static int[] split(int total, double[] weights) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        int[] parts = new int[weights.length];
        double[] remainders = new double[weights.length];
        int given = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = total * weights[i] / sum;
            parts[i] = (int) Math.floor(exact);
            remainders[i] = exact - parts[i];
            given += parts[i];
        }
        for (; given < total; given++) {
            int best = 0;
            for (int i = 1; i < weights.length; i++) {
                if (remainders[i] > remainders[best]) {
                    best = i;
                }
            }
            parts[best]++;
            remainders[best] = -1;
        }
        return parts;
    }

    /** Splits {@code total} into {@code parts} nearly equal parts. */
    private static int[] split(int total, int parts) {
        double[] weights = new double[parts];
        java.util.Arrays.fill(weights, 1.0);
        return split(total, weights);
    }

    private int weightedIndex(double[] weights) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        double r = random.nextDouble() * sum;
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private int between(int lo, int hi) {
        return lo + random.nextInt(hi - lo + 1);
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static LocalDate date(int year, int month, int day) {
        return LocalDate.of(year, month, day);
    }

    private static int roundTo(int value, int step) {
        return Math.round(value / (float) step) * step;
    }

}
