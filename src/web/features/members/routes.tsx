// The member's own pages: home with the 7 stages, member card, trainings, session check-in, clinic booking.
export const memberRoutes = [] as const;
export const memberPublicRoutes = [] as const;
