// Mentoring pages: mentors, caseloads, session log, business clinic (under the signed-in app).
export const mentoringRoutes = [] as const;
