// The org graph's own data: roles, permissions and delegations. PostgreSQL is the system of
// record for people and departments (the sync brings them); these live only in the graph.
// Idempotent: every statement MERGEs, and sets properties only ON CREATE, so running the
// script again writes nothing. Sized by the people present: every person gets a role, and
// delegations follow the reporting lines (about 250 for the 300-person HR sample).
// Statements end with a semicolon at the end of a line; lines starting with // are comments.

CREATE CONSTRAINT role_name IF NOT EXISTS FOR (r:Role) REQUIRE r.name IS UNIQUE;
CREATE CONSTRAINT permission_name IF NOT EXISTS FOR (p:Permission) REQUIRE p.name IS UNIQUE;

// Roles and what each one grants.
UNWIND [
  {role: 'Executive', grants: ['approve expenses', 'approve time off', 'approve hiring', 'sign contracts']},
  {role: 'Manager', grants: ['approve expenses', 'approve time off', 'approve hiring']},
  {role: 'Staff', grants: ['submit expenses', 'request time off']}
] AS entry
MERGE (r:Role {name: entry.role})
WITH r, entry
UNWIND entry.grants AS grant
MERGE (p:Permission {name: grant})
MERGE (r)-[:GRANTS]->(p);

// Every person gets one role, from their title, the first time they are seen.
MATCH (p:Person)
WHERE NOT (p)-[:HAS_ROLE]->(:Role)
WITH p, CASE
  WHEN p.title STARTS WITH 'Chief' OR p.title STARTS WITH 'VP' THEN 'Executive'
  WHEN p.title CONTAINS 'Manager' OR p.title CONTAINS 'Director' OR p.title CONTAINS 'Head' THEN 'Manager'
  ELSE 'Staff' END AS roleName
MATCH (r:Role {name: roleName})
MERGE (p)-[:HAS_ROLE]->(r);

// A manager lets their first report approve time off; every fourth manager's delegation has expired.
MATCH (m:Person)<-[:REPORTS_TO]-(r:Person)
WHERE (m)-[:REPORTS_TO]->()
WITH m, min(r.employeeId) AS firstReport
MATCH (deputy:Person {employeeId: firstReport})
MERGE (m)-[d:DELEGATES_TO {scope: 'approve time off'}]->(deputy)
ON CREATE SET d.validFrom = date('2024-01-01'),
              d.validTo = CASE WHEN m.employeeId % 4 = 0 THEN date('2025-06-30') ELSE date('2099-12-31') END;

// ... and that deputy passes it on to the next colleague: chains of two.
MATCH (m:Person)-[:DELEGATES_TO {scope: 'approve time off'}]->(deputy:Person)-[:REPORTS_TO]->(m)
MATCH (peer:Person)-[:REPORTS_TO]->(m)
WHERE peer.employeeId > deputy.employeeId
WITH deputy, min(peer.employeeId) AS nextId
MATCH (next:Person {employeeId: nextId})
MERGE (deputy)-[d:DELEGATES_TO {scope: 'approve time off'}]->(next)
ON CREATE SET d.validFrom = date('2024-01-01'), d.validTo = date('2099-12-31');

// Managers let every fifth of their reports approve expenses.
MATCH (m:Person)<-[:REPORTS_TO]-(r:Person)
WHERE (m)-[:REPORTS_TO]->() AND r.employeeId % 5 = 0
MERGE (m)-[d:DELEGATES_TO {scope: 'approve expenses'}]->(r)
ON CREATE SET d.validFrom = date('2024-01-01'),
              d.validTo = CASE WHEN r.employeeId % 3 = 0 THEN date('2025-03-31') ELSE date('2099-12-31') END;

// Directs of the top let each of their managers approve hiring, and those pass it on to one report.
MATCH (top:Person)<-[:REPORTS_TO]-(vp:Person)<-[:REPORTS_TO]-(m:Person)<-[:REPORTS_TO]-(:Person)
WHERE NOT (top)-[:REPORTS_TO]->()
WITH DISTINCT vp, m
MERGE (vp)-[d:DELEGATES_TO {scope: 'approve hiring'}]->(m)
ON CREATE SET d.validFrom = date('2024-01-01'), d.validTo = date('2099-12-31');

// (Only the top's directs' delegations: matching any 'approve hiring' delegation would take this
// statement's own output as input on the next run and grow the chain in a deep company.)
MATCH (top:Person)<-[:REPORTS_TO]-(vp:Person)-[:DELEGATES_TO {scope: 'approve hiring'}]->(m:Person)-[:REPORTS_TO]->(vp)
WHERE NOT (top)-[:REPORTS_TO]->() AND m.employeeId % 3 = 0
MATCH (r:Person)-[:REPORTS_TO]->(m)
WITH m, max(r.employeeId) AS lastReport
MATCH (r:Person {employeeId: lastReport})
MERGE (m)-[d:DELEGATES_TO {scope: 'approve hiring'}]->(r)
ON CREATE SET d.validFrom = date('2024-01-01'), d.validTo = date('2099-12-31');

// A cycle on purpose: the top delegates signing contracts to their first direct, and the first
// three directs delegate it round in a ring. A resolver must report it, not loop.
MATCH (top:Person)<-[:REPORTS_TO]-(direct:Person)
WHERE NOT (top)-[:REPORTS_TO]->()
WITH top, direct ORDER BY direct.employeeId
WITH top, collect(direct)[0..3] AS ring
WHERE size(ring) = 3
WITH top, ring, ring[0] AS first
MERGE (top)-[d0:DELEGATES_TO {scope: 'sign contracts'}]->(first)
ON CREATE SET d0.validFrom = date('2024-01-01'), d0.validTo = date('2099-12-31')
WITH ring
UNWIND range(0, 2) AS i
WITH ring[i] AS a, ring[(i + 1) % 3] AS b
MERGE (a)-[d:DELEGATES_TO {scope: 'sign contracts'}]->(b)
ON CREATE SET d.validFrom = date('2024-01-01'), d.validTo = date('2099-12-31');
