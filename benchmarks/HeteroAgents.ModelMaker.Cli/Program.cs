using HeteroAgents.ModelMaker;

return MakeModelCommand.Run(args, Console.Out, Console.Error);
