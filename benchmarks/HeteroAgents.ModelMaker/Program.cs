// Placeholder entry point; replaced as the project is built out.
Console.Error.WriteLine("not implemented yet");
return 2;
