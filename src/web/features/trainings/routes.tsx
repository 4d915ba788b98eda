// Training pages: the catalog, waves, rosters, attendance (under the signed-in app) and certificate verification
// (public).
export const trainingRoutes = [] as const;
export const trainingPublicRoutes = [] as const;
