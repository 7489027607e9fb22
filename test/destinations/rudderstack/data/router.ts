export const routerCases: any[] = [];
