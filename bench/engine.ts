export const runEngineBench = async (_json: boolean): Promise<undefined> => undefined
